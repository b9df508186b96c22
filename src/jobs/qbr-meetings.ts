import type { Gateway } from '../hubspot/create-gateway.ts';
import type { PlaysMapping } from '../config/config.ts';
import { localDate } from '../plays/local-time.ts';
import type { PlaySettings } from '../plays/play-types.ts';
import type { QbrMeetings } from '../signals/lifecycle-facts.ts';
import { DEFAULT_LIFECYCLE_MAPPING } from '../signals/lifecycle-facts.ts';

const DAY_MS = 86_400_000;
/** Far enough back to find the last QBR of a yearly cadence, with room to spare. */
const LOOK_BACK_DAYS = 400;
/** Far enough ahead that a QBR booked months out counts as booked (no "book a QBR" task). */
const LOOK_AHEAD_DAYS = 400;
/** Meetings that did not or will not take place as booked: neither the next QBR nor the last. */
const NOT_HELD = new Set(['RESCHEDULED', 'NO_SHOW', 'CANCELED']);

export type QbrLookup = Pick<Gateway, 'findQbrMeetings'>;

/**
 * Each company's next QBR and its last, from the meetings titled with the QBR word: one search for
 * the whole portal per run rather than one per company. Undefined when meetings are not used, or
 * when HubSpot would not answer: the QBR plays then wait for a run that knows (and say so).
 */
export async function qbrMeetings(
  gateway: QbrLookup,
  mapping: PlaysMapping,
  settings: PlaySettings,
  now: Date,
  warn: (message: string) => void = () => {},
): Promise<Map<string, QbrMeetings> | undefined> {
  const word = (mapping.lifecycle ?? DEFAULT_LIFECYCLE_MAPPING).qbrMeetingWord;
  // With the lifecycle plays off nothing reads the meetings: no call for them.
  if (word === null || settings.lifecycle?.enabled === false) return undefined;
  let found;
  try {
    found = await gateway.findQbrMeetings({
      titleToken: word,
      from: new Date(now.getTime() - LOOK_BACK_DAYS * DAY_MS).toISOString(),
      to: new Date(now.getTime() + LOOK_AHEAD_DAYS * DAY_MS).toISOString(),
    });
  } catch (error) {
    warn(
      `Could not look up QBR meetings (${error instanceof Error ? error.message : String(error)}); QBR plays wait for the next run.`,
    );
    return undefined;
  }
  const today = localDate(now, settings.timeZone);
  const byCompany = new Map<string, QbrMeetings>();
  for (const meeting of found) {
    if (meeting.outcome !== null && NOT_HELD.has(meeting.outcome)) continue;
    const start = new Date(meeting.startTime);
    if (Number.isNaN(start.getTime())) continue;
    const day = localDate(start, settings.timeZone);
    for (const companyId of meeting.companyIds) {
      const dates = byCompany.get(companyId) ?? { next: null, last: null };
      if (day >= today) dates.next = dates.next === null || day < dates.next ? day : dates.next;
      else dates.last = dates.last === null || day > dates.last ? day : dates.last;
      byCompany.set(companyId, dates);
    }
  }
  return byCompany;
}
