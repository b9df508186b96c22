import { DAY_MS, isoDateTime, type DemoRecord } from './demo-record.ts';
import type { MeetingOutcome } from './meeting-catalog.ts';
import type { Random } from './seeded-random.ts';

/** Share of enterprise and mid-market customers with a QBR booked 5 to 40 days ahead. */
export const UPCOMING_QBR_SHARE = 0.6;
/** The window, in days after the seed's reference time, the upcoming QBRs start in. */
export const UPCOMING_QBR_DAYS = { min: 5, max: 40 } as const;
/** Of those, the share whose first slot was canceled when the QBR was moved to its new one. */
const MOVED_QBR = 0.15;
/** Share of enterprise and mid-market customers whose last quarter's QBR is on record. */
const PAST_QBR = 0.25;
/** Share of paying customers (any size) who meet the CSM every week. */
const WEEKLY_SYNC = 0.2;

const HALF_HOUR_MS = 30 * 60_000;

interface Slot {
  startMs: number;
  minutes: number;
}

/**
 * A start on a half hour from 14:00 to 19:30 UTC (a working morning or afternoon in the US) on
 * the day of `dayMs`: 2 to 7.5 hours after that day's seed reference time (12:00 UTC).
 */
function slotOn(random: Random, dayMs: number, minutes: number): Slot {
  const midnight = Math.floor(dayMs / DAY_MS) * DAY_MS;
  return { startMs: midnight + random.int(28, 39) * HALF_HOUR_MS, minutes };
}

function quarterOf(ms: number): number {
  return Math.floor(new Date(ms).getUTCMonth() / 3) + 1;
}

/** An enterprise (over $5,000 MRR) or mid-market ($500 to $5,000) customer: CSMs hold QBRs. */
function holdsQbrs(properties: Readonly<Record<string, string>>): boolean {
  return properties.customer_status === 'active' && Number(properties.mrr ?? 0) >= 500;
}

interface Planned {
  title: string;
  slot: Slot;
  outcome: MeetingOutcome;
  /** When the meeting was booked, and when its record last changed. */
  createdMs: number;
  updatedMs: number;
}

interface Company {
  name: string;
  createdMs: number;
  referenceMs: number;
}

const endOf = (slot: Slot) => slot.startMs + slot.minutes * 60_000;
const qbrTitle = (slot: Slot, name: string) => `Q${quarterOf(slot.startMs)} QBR with ${name}`;

/** Booked 1 to `days` days before `startMs`, never before the company existed nor after now. */
function bookedBefore(random: Random, company: Company, startMs: number, days: number): number {
  const ms = Math.min(company.referenceMs, startMs - random.int(1, days) * DAY_MS);
  return Math.max(company.createdMs, ms);
}

/** Last quarter's QBR: held, or the customer did not show. */
function pastQbr(random: Random, company: Company): Planned {
  const slot = slotOn(random, company.referenceMs - random.int(80, 100) * DAY_MS, 60);
  return {
    title: qbrTitle(slot, company.name),
    slot,
    outcome: random.chance(0.1) ? 'NO_SHOW' : 'COMPLETED',
    createdMs: bookedBefore(random, company, slot.startMs, 30),
    updatedMs: endOf(slot),
  };
}

/** The next QBR, 5 to 40 days ahead; sometimes moved there from a slot days earlier (canceled). */
function upcomingQbr(random: Random, company: Company): Planned[] {
  // A slot starts 2 to 7.5 hours after its day's reference time: the last day would pass 40.
  const days = random.int(UPCOMING_QBR_DAYS.min, UPCOMING_QBR_DAYS.max - 1);
  const slot = slotOn(random, company.referenceMs + days * DAY_MS, 60);
  const title = qbrTitle(slot, company.name);
  const booked = bookedBefore(random, company, company.referenceMs, 20);
  const scheduled: Planned = {
    title,
    slot,
    outcome: 'SCHEDULED',
    createdMs: booked,
    updatedMs: booked,
  };
  if (!random.chance(MOVED_QBR)) return [scheduled];
  const first = slotOn(random, slot.startMs - random.int(1, 4) * DAY_MS, 60);
  const canceledMs = Math.max(booked, company.referenceMs - random.int(0, 3) * DAY_MS);
  return [
    { title, slot: first, outcome: 'CANCELED', createdMs: booked, updatedMs: canceledMs },
    scheduled,
  ];
}

/** Last week's sync, held, and next week's, booked with it. */
function weeklySync(random: Random, company: Company): Planned[] {
  const title = `Weekly sync with ${company.name}`;
  const last = slotOn(random, company.referenceMs - random.int(1, 7) * DAY_MS, 30);
  const next = { startMs: last.startMs + 7 * DAY_MS, minutes: 30 };
  const booked = bookedBefore(random, company, last.startMs, 7);
  return [
    { title, slot: last, outcome: 'COMPLETED', createdMs: booked, updatedMs: endOf(last) },
    { title, slot: next, outcome: 'SCHEDULED', createdMs: booked, updatedMs: booked },
  ];
}

/** The meetings of one company, as a CSM's calendar would have put them in HubSpot. */
function companyMeetings(random: Random, record: DemoRecord, referenceMs: number): Planned[] {
  const { properties } = record;
  const company = {
    name: properties.name ?? 'the customer',
    createdMs: Date.parse(record.createdAt),
    referenceMs,
  };
  const planned: Planned[] = [];
  if (holdsQbrs(properties)) {
    if (random.chance(PAST_QBR)) planned.push(pastQbr(random, company));
    if (random.chance(UPCOMING_QBR_SHARE)) planned.push(...upcomingQbr(random, company));
  }
  if (properties.customer_status === 'active' && random.chance(WEEKLY_SYNC)) {
    planned.push(...weeklySync(random, company));
  }
  return planned;
}

function meetingRecord(id: number, meeting: Planned, ownerId: string | undefined): DemoRecord {
  const start = isoDateTime(meeting.slot.startMs);
  const properties: Record<string, string> = {
    hs_timestamp: start,
    hs_meeting_title: meeting.title,
    hs_meeting_start_time: start,
    hs_meeting_end_time: isoDateTime(endOf(meeting.slot)),
    hs_meeting_outcome: meeting.outcome,
  };
  if (ownerId) properties.hubspot_owner_id = ownerId;
  return {
    id,
    properties,
    createdAt: isoDateTime(meeting.createdMs),
    updatedAt: isoDateTime(Math.max(meeting.createdMs, meeting.updatedMs)),
  };
}

/**
 * Gives each generated company its meetings: QBRs for a share of the enterprise and mid-market
 * customers (one upcoming, some moved, some from last quarter) and weekly syncs for others. It
 * draws from its own random stream, so every value the portal had before meetings existed stays
 * exactly as it was. Companies must be passed in index order.
 */
export function createMeetingPlanner(random: Random, referenceMs: number, firstId: number) {
  let nextId = firstId;
  return (company: DemoRecord): DemoRecord[] =>
    companyMeetings(random, company, referenceMs).map((meeting) =>
      meetingRecord(nextId++, meeting, company.properties.hubspot_owner_id),
    );
}
