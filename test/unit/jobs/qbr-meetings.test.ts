import { describe, expect, it } from 'vitest';
import type { QbrMeeting, QbrMeetingQuery } from '../../../src/hubspot/find-qbr-meetings.ts';
import { qbrMeetings } from '../../../src/jobs/qbr-meetings.ts';
import { DEFAULT_LIFECYCLE_MAPPING } from '../../../src/signals/lifecycle-facts.ts';
import { settings } from '../plays/play-input.ts';

const NOW = new Date('2025-03-03T16:00:00.000Z');
const mapping = { lifecycle: DEFAULT_LIFECYCLE_MAPPING } as Parameters<typeof qbrMeetings>[1];

const meeting = (id: string, startTime: string, outcome: string | null, companyIds: string[]) =>
  ({ id, title: `QBR ${id}`, startTime, outcome, companyIds }) satisfies QbrMeeting;

function gateway(meetings: QbrMeeting[]) {
  const queries: QbrMeetingQuery[] = [];
  return {
    queries,
    findQbrMeetings: async (query: QbrMeetingQuery) => {
      queries.push(query);
      return meetings;
    },
  };
}

describe('the QBR meetings of a pass', () => {
  it("gives each company its next QBR and its last held, by the portal's calendar", async () => {
    const g = gateway([
      meeting('a', '2025-05-20T17:00:00.000Z', 'SCHEDULED', ['1']),
      meeting('b', '2025-03-20T17:00:00.000Z', null, ['1', '2']),
      meeting('c', '2024-12-10T17:00:00.000Z', 'COMPLETED', ['1']),
      meeting('d', '2025-01-15T17:00:00.000Z', 'COMPLETED', ['1']),
      // A QBR late in the evening of 2 March in Los Angeles is 3 March in UTC: held, not next.
      meeting('e', '2025-03-03T05:00:00.000Z', 'COMPLETED', ['3']),
    ]);
    const found = await qbrMeetings(g, mapping, settings({ timeZone: 'America/Los_Angeles' }), NOW);
    expect(found).toEqual(
      new Map([
        ['1', { next: '2025-03-20', last: '2025-01-15' }],
        ['2', { next: '2025-03-20', last: null }],
        ['3', { next: null, last: '2025-03-02' }],
      ]),
    );
    // Months ahead, so a QBR booked well out counts as booked.
    const [query] = g.queries;
    expect(query!.titleToken).toBe('QBR');
    expect(Date.parse(query!.to) - NOW.getTime()).toBeGreaterThanOrEqual(365 * 86_400_000);
  });

  it('counts neither a rescheduled, a missed nor a cancelled meeting', async () => {
    const g = gateway([
      meeting('a', '2025-03-10T17:00:00.000Z', 'RESCHEDULED', ['1']),
      meeting('b', '2025-02-10T17:00:00.000Z', 'NO_SHOW', ['1']),
      meeting('c', '2025-03-12T17:00:00.000Z', 'CANCELED', ['1']),
    ]);
    expect(await qbrMeetings(g, mapping, settings({ timeZone: 'UTC' }), NOW)).toEqual(new Map());
  });

  it('knows nothing, and says why, when HubSpot does not answer', async () => {
    const warnings: string[] = [];
    const failing = {
      findQbrMeetings: async () => {
        throw new Error('HubSpot answered 502');
      },
    };
    const found = await qbrMeetings(failing, mapping, settings({ timeZone: 'UTC' }), NOW, (m) =>
      warnings.push(m),
    );
    expect(found).toBeUndefined();
    expect(warnings).toEqual([
      'Could not look up QBR meetings (HubSpot answered 502); QBR plays wait for the next run.',
    ]);
  });

  it('looks nothing up when meetings are not used', async () => {
    const g = gateway([]);
    const off = {
      lifecycle: { ...DEFAULT_LIFECYCLE_MAPPING, qbrMeetingWord: null },
    } as typeof mapping;
    expect(await qbrMeetings(g, off, settings({ timeZone: 'UTC' }), NOW)).toBeUndefined();
    expect(g.queries).toEqual([]);
  });
});
