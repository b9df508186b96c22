import { setTimeout } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectStandardError,
  listAll,
  startTestSandbox,
  type TestSandbox,
} from './sandbox-fixture.ts';

const AT = '2026-11-16T12:00:00.000Z';
const NOTES = '/crm/v3/objects/notes';
const BATCH = `${NOTES}/batch/create`;

/** A note on a company, as the gateway sends one. */
function note(body: string, companyId: string, extra: Record<string, unknown> = {}) {
  return {
    properties: { hs_timestamp: AT, hs_note_body: body, ...extra },
    associations: [
      {
        to: { id: companyId },
        types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 190 }],
      },
    ],
  };
}

describe('sandbox notes', () => {
  let t: TestSandbox;
  let companyId: string;
  beforeAll(async () => {
    // Not about search's lag: every write is searchable at once (the lag has its own test).
    t = await startTestSandbox({ companies: 5, searchIndexLagMs: 0 });
    companyId = (await listAll(t, 'companies'))[0].id;
  });
  afterAll(() => t.close());

  it('creates a note (201) on a company, readable from both sides of the association', async () => {
    const reply = await t.post(NOTES, note('<p>QBR prep</p>', companyId));
    expect(reply.status).toBe(201);
    expect(reply.body.properties).toMatchObject({
      hs_timestamp: AT,
      hs_note_body: '<p>QBR prep</p>',
      hs_object_id: reply.body.id,
    });
    const fromNote = await t.post('/crm/v4/associations/notes/companies/batch/read', {
      inputs: [{ id: reply.body.id }],
    });
    expect(fromNote.status).toBe(200);
    expect(fromNote.body.results[0].to).toEqual([
      {
        toObjectId: Number(companyId),
        associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 190, label: null }],
      },
    ]);
    const fromCompany = await t.post('/crm/v4/associations/companies/notes/batch/read', {
      inputs: [{ id: companyId }],
    });
    expect(fromCompany.body.results[0].to).toContainEqual({
      toObjectId: Number(reply.body.id),
      associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 189, label: null }],
    });
    const unknown = await t.post('/crm/v4/associations/notes/companies/batch/read', {
      inputs: [{ id: reply.body.id }, { id: '87999999999' }],
    });
    expect(unknown.status).toBe(207);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        context: expect.objectContaining({ fromObjectId: ['87999999999'] }),
      }),
    ]);
    const byId = await t.get(`${NOTES}/${reply.body.id}?properties=hs_note_body`);
    expect(byId.body.properties.hs_note_body).toBe('<p>QBR prep</p>');
  });

  it('refuses a note without hs_timestamp with a 400 VALIDATION_ERROR naming it', async () => {
    const reply = await t.post(NOTES, { properties: { hs_note_body: 'undated' } });
    expectStandardError(reply, 400, 'VALIDATION_ERROR');
    expect(reply.body.message).toContain('hs_timestamp');
    expect(reply.body.errors).toEqual([
      expect.objectContaining({
        code: 'REQUIRED_PROPERTY',
        context: { propertyName: ['hs_timestamp'] },
      }),
    ]);
  });

  it('takes a body of 65,536 characters and refuses one character more', async () => {
    const longest = await t.post(NOTES, note('x'.repeat(65_536), companyId));
    expect(longest.status).toBe(201);
    const over = await t.post(NOTES, note('x'.repeat(65_537), companyId));
    expectStandardError(over, 400, 'VALIDATION_ERROR');
    expect(over.body.message).toContain('hs_note_body');
    expect(over.body.message).toContain('65536');
  });

  it('refuses an association to a company that does not exist, or of a type not from a note', async () => {
    const missing = await t.post(NOTES, note('lost', '31999999999'));
    expectStandardError(missing, 400, 'VALIDATION_ERROR');
    expect(missing.body.message).toBe(
      'Cannot associate the note with company 31999999999: it does not exist.',
    );
    const taskType = note('wrong type', companyId);
    taskType.associations[0]!.types[0]!.associationTypeId = 192;
    const wrong = await t.post(NOTES, taskType);
    expectStandardError(wrong, 400, 'VALIDATION_ERROR');
    expect(wrong.body.subCategory).toBe('crm.associations.INVALID_ASSOCIATION_TYPE');
    expect(wrong.body.message).toContain('190 (note to company)');
  });

  it('batch-creates up to 100 notes (201), each echoing its trace id, and refuses 101', async () => {
    const inputs = Array.from({ length: 4 }, (_, i) => ({
      ...note(`Value report ${i}`, companyId),
      objectWriteTraceId: `report-${i}`,
    }));
    const reply = await t.post(BATCH, { inputs });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: 'COMPLETE' });
    expect(reply.body.errors).toBeUndefined();
    const results: { objectWriteTraceId: string; properties: Record<string, string> }[] =
      reply.body.results;
    expect(results.map((r) => r.objectWriteTraceId).sort()).toEqual(
      inputs.map((i) => i.objectWriteTraceId),
    );
    for (const result of results) {
      expect(result.properties.hs_note_body).toBe(
        `Value report ${result.objectWriteTraceId.replace('report-', '')}`,
      );
    }
    const tooMany = Array.from({ length: 101 }, () => note('x', companyId));
    const refused = await t.post(BATCH, { inputs: tooMany });
    expectStandardError(refused, 400, 'VALIDATION_ERROR');
    expect(refused.body.message).toContain('101');
  });

  it('creates the good inputs of a batch and answers 207 with an error for each bad one', async () => {
    const before = (await listAll(t, 'notes')).length;
    const inputs = [
      { ...note('kept 1', companyId), objectWriteTraceId: 'good-1' },
      { properties: { hs_note_body: 'undated' }, objectWriteTraceId: 'no-date' },
      { ...note('x'.repeat(65_537), companyId), objectWriteTraceId: 'too-long' },
      { ...note('lost', '31999999999'), objectWriteTraceId: 'no-company' },
      { ...note('kept 2', companyId), objectWriteTraceId: 'good-2' },
    ];
    const reply = await t.post(BATCH, { inputs });

    expect(reply.status).toBe(207);
    expect(reply.body.numErrors).toBe(3);
    expect(
      reply.body.results.map((r: { objectWriteTraceId: string }) => r.objectWriteTraceId).sort(),
    ).toEqual(['good-1', 'good-2']);
    const byTrace = new Map<string, { category: string; message: string }>(
      reply.body.errors.map((e: { context: { objectWriteTraceId: string[] } }) => [
        e.context.objectWriteTraceId[0],
        e,
      ]),
    );
    expect([...byTrace.keys()].sort()).toEqual(['no-company', 'no-date', 'too-long']);
    expect(byTrace.get('no-date')).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      message: expect.stringContaining('hs_timestamp'),
    });
    expect(byTrace.get('too-long')?.message).toContain('hs_note_body');
    expect(byTrace.get('no-company')?.message).toContain('31999999999');
    expect(await listAll(t, 'notes')).toHaveLength(before + 2);
  });

  it('answers 207 with no results when every input of a batch is refused', async () => {
    const reply = await t.post(BATCH, {
      inputs: [{ properties: { hs_note_body: 'undated' }, objectWriteTraceId: 'only' }],
    });
    expect(reply.status).toBe(207);
    expect(reply.body.results).toEqual([]);
    expect(reply.body.errors).toHaveLength(1);
  });

  it('finds notes by search (CONTAINS_TOKEN on the body) and reads them in a batch', async () => {
    await t.post(NOTES, note('<p>Brief</p><p>Ref: vitalsNoteSearch01</p>', companyId));
    const found = await t.post(`${NOTES}/search`, {
      filterGroups: [
        {
          filters: [
            {
              propertyName: 'hs_note_body',
              operator: 'CONTAINS_TOKEN',
              value: 'vitalsNoteSearch01',
            },
          ],
        },
      ],
      properties: ['hs_note_body'],
    });
    expect(found.status).toBe(200);
    expect(found.body.total).toBe(1);
    const id = found.body.results[0].id;
    const batch = await t.post(`${NOTES}/batch/read`, {
      inputs: [{ id }, { id: '87999999999' }],
      properties: ['hs_note_body'],
    });
    expect(batch.status).toBe(207);
    expect(batch.body.results[0].properties.hs_note_body).toContain('vitalsNoteSearch01');
    expect(batch.body.errors[0]).toMatchObject({
      category: 'OBJECT_NOT_FOUND',
      context: { ids: ['87999999999'] },
    });
  });

  it('holds search on notes to HubSpot’s limits', async () => {
    const filter = { propertyName: 'hs_note_body', operator: 'HAS_PROPERTY' };
    const groups = Array.from({ length: 6 }, () => ({ filters: [filter] }));
    expectStandardError(
      await t.post(`${NOTES}/search`, { filterGroups: groups }),
      400,
      'VALIDATION_ERROR',
    );
    expectStandardError(
      await t.post(`${NOTES}/search`, { limit: 100, after: '9950' }),
      400,
      'VALIDATION_ERROR',
    );
  });

  it('needs the contact scopes, as HubSpot guards notes with them', async () => {
    const readOnly = await startTestSandbox({
      companies: 1,
      scopes: ['crm.objects.contacts.read', 'crm.objects.companies.read'],
    });
    try {
      const refused = await readOnly.post(NOTES, note('x', '1'));
      expectStandardError(refused, 403, 'MISSING_SCOPES');
      expect(refused.body.errors[0].context.requiredGranularScopes).toEqual([
        'crm.objects.contacts.write',
      ]);
      expect((await readOnly.get(NOTES)).status).toBe(200);
    } finally {
      await readOnly.close();
    }
  });
});

describe('sandbox notes under faults and search lag', () => {
  let t: TestSandbox;
  let companyId: string;
  beforeAll(async () => {
    t = await startTestSandbox({ companies: 2, searchIndexLagMs: 400 });
    companyId = (await listAll(t, 'companies'))[0].id;
  });
  afterAll(() => t.close());

  it('does not find a note by search before the index has caught up with it', async () => {
    const search = () =>
      t.post(`${NOTES}/search`, {
        filterGroups: [
          {
            filters: [
              {
                propertyName: 'hs_note_body',
                operator: 'CONTAINS_TOKEN',
                value: 'vitalsLagNote01',
              },
            ],
          },
        ],
      });
    const created = await t.post(NOTES, note('Ref: vitalsLagNote01', companyId));
    expect(created.status).toBe(201);
    expect((await search()).body.total).toBe(0);
    // Reads by id are not searches: the note is there at once.
    expect((await t.get(`${NOTES}/${created.body.id}`)).status).toBe(200);
    await setTimeout(500);
    const later = await search();
    expect(later.body.total).toBe(1);
    expect(later.body.results[0].id).toBe(created.body.id);
  });

  it('answers note routes with injected 429s and 5xx like every other route', async () => {
    t.sandbox.setFaults({ rateLimitStorm: 1, stormRetryAfterSeconds: 2 });
    const stormed = await t.post(BATCH, { inputs: [note('storm', companyId)] });
    expect(stormed.status).toBe(429);
    expect(stormed.headers.get('retry-after')).toBe('2');
    expect(stormed.body).toMatchObject({
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    t.sandbox.setFaults({ serverErrorRate: 1 });
    const failed = await t.post(`${NOTES}/search`, {});
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(failed.body.category).toBe('INTERNAL_ERROR');
    t.sandbox.setFaults({ serverErrorRate: 0 });
    expect((await t.post(BATCH, { inputs: [note('calm', companyId)] })).status).toBe(201);
  });
});
