import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPortalDatabase } from '../../../src/sandbox/portal-database.ts';
import { seedSandbox } from '../../../src/sandbox/start-sandbox.ts';
import {
  expectStandardError,
  listAll,
  startTestSandbox,
  tempDataDir,
  type TestSandbox,
} from './sandbox-fixture.ts';

const DAY_MS = 86_400_000;
/** The seed's "now": the default reference date at noon UTC. */
const REFERENCE_MS = Date.parse('2026-11-16T12:00:00.000Z');
const MEETING_PROPS = [
  'hs_meeting_title',
  'hs_meeting_start_time',
  'hs_meeting_end_time',
  'hs_meeting_outcome',
  'hs_timestamp',
  'hubspot_owner_id',
];

interface Meeting {
  id: string;
  properties: Record<string, string | null>;
}

/** Meeting id → the ids of its companies, read through v4 batch read. */
async function meetingCompanies(t: TestSandbox, ids: string[]): Promise<Map<string, string[]>> {
  const reply = await t.post('/crm/v4/associations/meetings/companies/batch/read', {
    inputs: ids.map((id) => ({ id })),
  });
  expect(reply.status).toBe(200);
  return new Map(
    reply.body.results.map((r: { from: { id: string }; to: { toObjectId: number }[] }) => [
      r.from.id,
      r.to.map((to) => String(to.toObjectId)),
    ]),
  );
}

const isQbr = (m: Meeting) => /\bQBR\b/.test(m.properties.hs_meeting_title ?? '');
const startMs = (m: Meeting) => Date.parse(m.properties.hs_meeting_start_time ?? '');

describe('sandbox meetings seeded on the demo portal', () => {
  let t: TestSandbox;
  let meetings: Meeting[];
  let companies: Map<string, Meeting>;
  let links: Map<string, string[]>;
  beforeAll(async () => {
    t = await startTestSandbox({ companies: 60, searchIndexLagMs: 0 });
    meetings = await listAll(t, 'meetings', MEETING_PROPS);
    const all: Meeting[] = await listAll(t, 'companies', [
      'name',
      'mrr',
      'customer_status',
      'hubspot_owner_id',
    ]);
    companies = new Map(all.map((c) => [c.id, c]));
    links = await meetingCompanies(
      t,
      meetings.map((m) => m.id),
    );
  });
  afterAll(() => t.close());

  it('counts them in the portal summary, each on exactly one company (188)', async () => {
    expect(t.sandbox.portal.meetings).toBe(meetings.length);
    expect(meetings.length).toBeGreaterThan(0);
    for (const meeting of meetings) {
      const [companyId, ...others] = links.get(meeting.id) ?? [];
      expect(others).toEqual([]);
      expect(companies.has(companyId!)).toBe(true);
      expect(meeting.properties.hubspot_owner_id).toBe(
        companies.get(companyId!)!.properties.hubspot_owner_id ?? null,
      );
    }
    const reply = await t.post('/crm/v4/associations/meetings/companies/batch/read', {
      inputs: [{ id: meetings[0]!.id }],
    });
    expect(reply.body.results[0].to[0].associationTypes).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 188, label: null },
    ]);
    const back = await t.post('/crm/v4/associations/companies/meetings/batch/read', {
      inputs: [{ id: links.get(meetings[0]!.id)![0] }],
    });
    expect(back.body.results[0].to).toContainEqual({
      toObjectId: Number(meetings[0]!.id),
      associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 187, label: null }],
    });
  });

  it('books one upcoming QBR, 5 to 40 days ahead, for a share of enterprise and mid-market customers only', () => {
    const upcoming = meetings.filter(
      (m) =>
        isQbr(m) && m.properties.hs_meeting_outcome === 'SCHEDULED' && startMs(m) > REFERENCE_MS,
    );
    const withQbr = new Set<string>();
    for (const meeting of upcoming) {
      const companyId = links.get(meeting.id)![0]!;
      const company = companies.get(companyId)!.properties;
      expect(withQbr.has(companyId)).toBe(false);
      withQbr.add(companyId);
      expect(company.customer_status).toBe('active');
      expect(Number(company.mrr)).toBeGreaterThanOrEqual(500);
      expect(startMs(meeting)).toBeGreaterThanOrEqual(REFERENCE_MS + 5 * DAY_MS);
      expect(startMs(meeting)).toBeLessThanOrEqual(REFERENCE_MS + 40 * DAY_MS);
      expect(meeting.properties.hs_meeting_title).toMatch(
        new RegExp(`^Q[1-4] QBR with ${company.name!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      );
      expect(meeting.properties.hs_timestamp).toBe(meeting.properties.hs_meeting_start_time);
    }
    const eligible = [...companies.values()].filter(
      (c) => c.properties.customer_status === 'active' && Number(c.properties.mrr) >= 500,
    );
    expect(withQbr.size).toBeGreaterThan(eligible.length * 0.3);
    expect(withQbr.size).toBeLessThan(eligible.length * 0.9);
  });

  it('keeps past QBRs and unrelated weekly syncs beside them', () => {
    const past = meetings.filter((m) => isQbr(m) && startMs(m) < REFERENCE_MS);
    expect(past.length).toBeGreaterThan(0);
    for (const meeting of past) {
      expect(['COMPLETED', 'NO_SHOW']).toContain(meeting.properties.hs_meeting_outcome);
    }
    const syncs = meetings.filter((m) => !isQbr(m));
    expect(syncs.length).toBeGreaterThan(0);
    for (const sync of syncs)
      expect(sync.properties.hs_meeting_title).toMatch(/^Weekly sync with /);
  });

  it('finds the QBRs of a window by search: title token and start time between two instants', async () => {
    const from = REFERENCE_MS + 5 * DAY_MS;
    const to = REFERENCE_MS + 40 * DAY_MS;
    const reply = await t.post('/crm/v3/objects/meetings/search', {
      filterGroups: [
        {
          filters: [
            { propertyName: 'hs_meeting_title', operator: 'CONTAINS_TOKEN', value: 'qbr' },
            { propertyName: 'hs_meeting_start_time', operator: 'GTE', value: String(from) },
            {
              propertyName: 'hs_meeting_start_time',
              operator: 'LTE',
              value: new Date(to).toISOString(),
            },
          ],
        },
      ],
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      properties: ['hs_meeting_title'],
      limit: 200,
    });
    expect(reply.status).toBe(200);
    const expected = meetings
      .filter((m) => isQbr(m) && startMs(m) >= from && startMs(m) <= to)
      .map((m) => m.id);
    expect(reply.body.results.map((m: Meeting) => m.id)).toEqual(expected);
    expect(reply.body.total).toBe(expected.length);
  });

  it('creates a meeting (201) on a company with 188, and refuses a company that does not exist', async () => {
    const [companyId] = companies.keys();
    const meeting = (id: string) => ({
      properties: {
        hs_timestamp: '2026-12-01T15:00:00Z',
        hs_meeting_title: 'Q4 QBR moved',
        hs_meeting_start_time: '2026-12-01T15:00:00Z',
        hs_meeting_outcome: 'RESCHEDULED',
      },
      associations: [
        { to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 188 }] },
      ],
    });
    const created = await t.post('/crm/v3/objects/meetings', meeting(companyId!));
    expect(created.status).toBe(201);
    expect((await meetingCompanies(t, [created.body.id])).get(created.body.id)).toEqual([
      companyId,
    ]);
    const missing = await t.post('/crm/v3/objects/meetings', meeting('31999999999'));
    expectStandardError(missing, 400, 'VALIDATION_ERROR');
    expect(missing.body.message).toContain('company 31999999999');
    const badOutcome = meeting(companyId!);
    badOutcome.properties.hs_meeting_outcome = 'POSTPONED';
    const refused = await t.post('/crm/v3/objects/meetings', badOutcome);
    expectStandardError(refused, 400, 'VALIDATION_ERROR');
    expect(refused.body.message).toContain('POSTPONED');
  });
});

describe('seeding meetings', () => {
  const open: TestSandbox[] = [];
  const start = async (options: Parameters<typeof startTestSandbox>[0]) => {
    const t = await startTestSandbox(options);
    open.push(t);
    return t;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.close()));
  });

  async function seededMeetings(seed: number) {
    const t = await start({ seed, companies: 40 });
    const meetings: Meeting[] = await listAll(t, 'meetings', MEETING_PROPS);
    const links = await meetingCompanies(
      t,
      meetings.map((m) => m.id),
    );
    return meetings.map((m) => ({ ...m, companies: links.get(m.id) }));
  }

  it('gives the same seed the same meetings, and another seed others', async () => {
    const first = await seededMeetings(11);
    const again = await seededMeetings(11);
    const other = await seededMeetings(12);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('gives a portal seeded before notes and meetings existed their property catalogs', async () => {
    const dataDir = tempDataDir();
    try {
      seedSandbox({ dataDir, companies: 2 });
      const db = openPortalDatabase(dataDir);
      for (const table of ['property_definitions', 'property_groups']) {
        db.prepare(`DELETE FROM ${table} WHERE object_type IN ('notes', 'meetings')`).run();
      }
      db.close();
      const t = await start({ dataDir });
      const notes = await t.get('/crm/v3/properties/notes');
      expect(notes.body.results.map((p: { name: string }) => p.name)).toContain('hs_note_body');
      const created = await t.post('/crm/v3/objects/notes', {
        properties: { hs_timestamp: '2026-11-16T12:00:00Z', hs_note_body: 'after the upgrade' },
      });
      expect(created.status).toBe(201);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
