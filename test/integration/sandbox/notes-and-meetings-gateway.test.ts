import { setTimeout } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteInput } from '../../../src/hubspot/create-notes.ts';
import { createGateway, type Gateway } from '../../../src/hubspot/create-gateway.ts';
import { listAll, startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';

const DAY_MS = 86_400_000;
const REFERENCE_MS = Date.parse('2026-11-16T12:00:00.000Z');
const LAG_MS = 300;

const note = (traceId: string, companyId: string, marker: string): NoteInput => ({
  properties: {
    hs_timestamp: '2026-11-16T12:00:00.000Z',
    hs_note_body: `<h2>QBR prep</h2><p>Ref: ${marker} #VitalsNote qbr</p>`,
  },
  associations: [{ id: companyId, typeId: 190 }],
  traceId,
});

// The gateway against the sandbox: what the brief writers and the lifecycle plays will call.
describe('notes and meetings through the gateway, against the sandbox', () => {
  let t: TestSandbox;
  let gateway: Gateway;
  let companyId: string;
  beforeAll(async () => {
    t = await startTestSandbox({ companies: 25, searchIndexLagMs: LAG_MS });
    gateway = createGateway({ accessToken: t.sandbox.token, basePath: t.sandbox.url, per10s: 190 });
    companyId = (await listAll(t, 'companies'))[0].id;
  });
  afterAll(() => t.close());

  it('creates notes on a company and names the one HubSpot refused by its trace id', async () => {
    const result = await gateway.createNotes([
      note('brief-1', companyId, 'vitalsGwNote0001'),
      note('brief-2', '31999999999', 'vitalsGwNote0002'),
      note('brief-3', companyId, 'vitalsGwNote0003'),
    ]);

    expect(result.created.map((c) => c.traceId).sort()).toEqual(['brief-1', 'brief-3']);
    for (const made of result.created) expect(made.body).toContain('vitalsGwNote000');
    expect(result.errors).toEqual([
      {
        traceId: 'brief-2',
        category: 'VALIDATION_ERROR',
        message: 'Cannot associate the note with company 31999999999: it does not exist.',
      },
    ]);
    const companies = await gateway.readAssociations(
      'notes',
      'companies',
      result.created.map((c) => c.id),
    );
    for (const made of result.created) expect(companies.get(made.id)).toEqual([companyId]);
  });

  it('finds a note by its marker only once search has indexed it', async () => {
    const marker = 'vitalsGwLagNote01';
    const { created } = await gateway.createNotes([note('lagged', companyId, marker)]);

    expect(await gateway.findNotesByMarker([marker])).toEqual(new Map());
    await setTimeout(LAG_MS + 150);
    expect(await gateway.findNotesByMarker([marker, 'vitalsGwNoteNone1'])).toEqual(
      new Map([[marker, created[0]!.id]]),
    );
  });

  it('finds the seeded QBRs of the next 5 to 40 days with their companies, canceled ones left out', async () => {
    const from = new Date(REFERENCE_MS + 5 * DAY_MS).toISOString();
    const to = new Date(REFERENCE_MS + 40 * DAY_MS).toISOString();
    const all = await listAll(t, 'meetings', [
      'hs_meeting_title',
      'hs_meeting_start_time',
      'hs_meeting_outcome',
    ]);
    const inWindow = all.filter((m) => {
      const start = Date.parse(m.properties.hs_meeting_start_time);
      return (
        /\bQBR\b/.test(m.properties.hs_meeting_title) &&
        start >= Date.parse(from) &&
        start <= Date.parse(to)
      );
    });
    const canceled = inWindow.filter((m) => m.properties.hs_meeting_outcome === 'CANCELED');
    expect(canceled.length).toBeGreaterThan(0);
    const links = await gateway.readAssociations(
      'meetings',
      'companies',
      inWindow.map((m) => m.id),
    );

    const found = await gateway.findQbrMeetings({ titleToken: 'QBR', from, to });

    const expected = inWindow
      .filter((m) => m.properties.hs_meeting_outcome !== 'CANCELED')
      .map((m) => ({
        id: m.id,
        title: m.properties.hs_meeting_title,
        startTime: m.properties.hs_meeting_start_time,
        outcome: m.properties.hs_meeting_outcome,
        companyIds: links.get(m.id),
      }))
      .sort((a, b) => a.startTime.localeCompare(b.startTime) || Number(a.id) - Number(b.id));
    expect(found).toEqual(expected);
    expect(found.every((m) => m.companyIds.length === 1)).toBe(true);
  });

  it('waits out a 429 from the sandbox and creates the note once', async () => {
    t.sandbox.setFaults({ rateLimitStorm: 1, stormRetryAfterSeconds: 1 });
    const before = gateway.apiCalls()['notes.batchCreate'] ?? 0;

    const result = await gateway.createNotes([note('after-storm', companyId, 'vitalsGwStorm001')]);

    expect(result.created.map((c) => c.traceId)).toEqual(['after-storm']);
    expect(gateway.apiCalls()['notes.batchCreate']).toBe(before + 2);
    const notes = await listAll(t, 'notes', ['hs_note_body']);
    expect(
      notes.filter((n) => n.properties.hs_note_body.includes('vitalsGwStorm001')),
    ).toHaveLength(1);
  });
});
