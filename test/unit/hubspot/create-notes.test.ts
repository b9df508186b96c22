import { describe, expect, it } from 'vitest';
import type { NoteInput } from '../../../src/hubspot/create-notes.ts';
import { crmObject, hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const CREATE = '/crm/v3/objects/notes/batch/create';
const AT = '2026-11-23T12:00:00.000Z';

interface SentInput {
  properties: Record<string, string>;
  associations: unknown[];
  objectWriteTraceId: string;
}

const note = (n: number, body = `<p>Value report ${n}</p>`): NoteInput => ({
  properties: { hs_timestamp: AT, hs_note_body: body, hubspot_owner_id: '61' },
  associations: [{ id: `31000000${n}`, typeId: 190 }],
  traceId: `note-${n}`,
});

/** HubSpot's 201: every input made, each echoing its trace id and body. */
function created(inputs: SentInput[]) {
  const results = inputs.map((input, i) => ({
    ...crmObject(`87${i}`, { hs_note_body: input.properties.hs_note_body ?? null }),
    objectWriteTraceId: input.objectWriteTraceId,
  }));
  return { status: 'COMPLETE', results, startedAt: AT, completedAt: AT };
}

const rateLimited = {
  status: 'error',
  message: 'You have reached your ten_secondly_rolling limit.',
  errorType: 'RATE_LIMIT',
  correlationId: 'c0ffee-429',
  policyName: 'TEN_SECONDLY_ROLLING',
};

describe('createNotes', () => {
  it('sends HubSpot’s batch create body: properties, 190 to the company, the trace id', async () => {
    const { gateway, hubspot } = testGateway();
    const bodies: { inputs: SentInput[] }[] = [];
    hubspot.post(CREATE).reply(async (request: Request) => {
      const body = (await request.json()) as { inputs: SentInput[] };
      bodies.push(body);
      return [201, created(body.inputs)];
    });

    const result = await gateway.createNotes([note(1)]);

    expect(bodies).toEqual([
      {
        inputs: [
          {
            properties: {
              hs_timestamp: AT,
              hs_note_body: '<p>Value report 1</p>',
              hubspot_owner_id: '61',
            },
            associations: [
              {
                to: { id: '310000001' },
                types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 190 }],
              },
            ],
            objectWriteTraceId: 'note-1',
          },
        ],
      },
    ]);
    expect(result).toEqual({
      created: [{ id: '870', traceId: 'note-1', body: '<p>Value report 1</p>' }],
      errors: [],
    });
    expect(gateway.apiCalls()).toEqual({ 'notes.batchCreate': 1 });
  });

  it('sends 100 notes a call', async () => {
    const { gateway, hubspot } = testGateway();
    const sizes: number[] = [];
    hubspot
      .post(CREATE)
      .times(3)
      .reply(async (request: Request) => {
        const body = (await request.json()) as { inputs: SentInput[] };
        sizes.push(body.inputs.length);
        return [201, created(body.inputs)];
      });

    const result = await gateway.createNotes(Array.from({ length: 250 }, (_, i) => note(i)));

    expect(sizes).toEqual([100, 100, 50]);
    expect(result.created).toHaveLength(250);
    expect(new Set(result.created.map((c) => c.traceId)).size).toBe(250);
  });

  it('surfaces a 207’s per-input errors, paired with the input the error names', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.post(CREATE).reply(207, {
      status: 'COMPLETE',
      results: [{ ...crmObject('871'), objectWriteTraceId: 'note-1' }],
      numErrors: 2,
      errors: [
        {
          status: 'error',
          category: 'VALIDATION_ERROR',
          message: 'Property values were not valid: 999 is not a valid owner id',
          context: { objectWriteTraceId: ['note-2'] },
        },
        { status: 'error', category: 'VALIDATION_ERROR', message: 'Something else' },
      ],
      startedAt: AT,
      completedAt: AT,
    });

    const result = await gateway.createNotes([note(1), note(2), note(3)]);

    expect(result.created).toEqual([{ id: '871', traceId: 'note-1', body: null }]);
    expect(result.errors).toEqual([
      {
        traceId: 'note-2',
        category: 'VALIDATION_ERROR',
        message: 'Property values were not valid: 999 is not a valid owner id',
      },
      { traceId: undefined, category: 'VALIDATION_ERROR', message: 'Something else' },
    ]);
  });

  it('refuses, unsent, a note without hs_timestamp or with a body over 65,536 characters', async () => {
    const { gateway, hubspot } = testGateway();
    const sent: string[] = [];
    hubspot.post(CREATE).reply(async (request: Request) => {
      const body = (await request.json()) as { inputs: SentInput[] };
      sent.push(...body.inputs.map((input) => input.objectWriteTraceId));
      return [201, created(body.inputs)];
    });
    const undated = { ...note(2), properties: { hs_note_body: 'no date' } };

    const result = await gateway.createNotes([
      note(1, 'x'.repeat(65_536)),
      undated,
      note(3, 'x'.repeat(65_537)),
    ]);

    expect(sent).toEqual(['note-1']);
    expect(result.created.map((c) => c.traceId)).toEqual(['note-1']);
    expect(result.errors).toEqual([
      {
        traceId: 'note-2',
        category: 'VALIDATION_ERROR',
        message: expect.stringContaining('has no hs_timestamp'),
      },
      {
        traceId: 'note-3',
        category: 'VALIDATION_ERROR',
        message:
          'Note note-3 has an hs_note_body of 65,537 characters: HubSpot takes at most 65,536; shorten it.',
      },
    ]);
  });

  it('sends nothing when every note is refused', async () => {
    const { gateway } = testGateway();
    const result = await gateway.createNotes([{ ...note(1), properties: {} }]);
    expect(result.created).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(gateway.apiCalls()).toEqual({});
  });

  it('waits out a 429 and sends the batch again: nothing was created', async () => {
    const { gateway, hubspot, sleeps } = testGateway();
    hubspot
      .post(CREATE)
      .reply(429, rateLimited, { 'Retry-After': '2' })
      .post(CREATE)
      .reply(async (request: Request) => [
        201,
        created(((await request.json()) as { inputs: SentInput[] }).inputs),
      ]);

    const result = await gateway.createNotes([note(1)]);

    expect(result.created.map((c) => c.traceId)).toEqual(['note-1']);
    expect(sleeps).toEqual([2000]);
    expect(gateway.apiCalls()).toEqual({ 'notes.batchCreate': 2 });
  });

  it('never sends a batch again after a 5xx: the notes may exist', async () => {
    const { gateway, hubspot } = testGateway();
    const scope = hubspot.post(CREATE).reply(503, hubspotError('SERVICE_UNAVAILABLE', 'Down.'));

    const error = await gateway.createNotes([note(1)]).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 503, transient: true, attempts: 1 });
    expect((error as Error).message).toContain('not resent');
    expect(scope.isDone()).toBe(true);
  });

  it('gives a 400 for the whole batch as a HubSpotError with HubSpot’s words', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post(CREATE)
      .reply(400, hubspotError('VALIDATION_ERROR', 'Batch input limit exceeded: 101 inputs given'));

    await expect(gateway.createNotes([note(1)])).rejects.toMatchObject({
      name: 'HubSpotError',
      status: 400,
      category: 'VALIDATION_ERROR',
      hubspotMessage: expect.stringContaining('101 inputs'),
    });
  });

  it('rejects an answer that is not a batch result', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.post(CREATE).reply(201, { status: 'COMPLETE' });
    await expect(gateway.createNotes([note(1)])).rejects.toMatchObject({
      name: 'MalformedResponseError',
      endpoint: 'notes.batchCreate',
    });
  });
});
