import { DateTime } from 'luxon';
import { seededRandom, type Random } from '../../../src/sandbox/seeded-random.ts';

// One enterprise account's first year as a customer, drawn from a seeded generator: what its rep,
// its users and its health do, day by day, in the portal's time zone. The simulation feeds these
// facts to the plays; the expectation reads the same schedule and applies the rules' windows.

/** West of UTC with both DST changes inside the year: 07:00 is 15:00 UTC, then 14:00, then 15:00. */
export const ZONE = 'America/Los_Angeles';
/** The day the account became a customer: a Monday. Day 364 is 2026-01-19. */
export const START = '2025-01-20';
export const DAYS = 365;
/** Days with no evaluation at all (the job did not run). */
export const SKIPPED_DAYS: readonly number[] = [7, 8];
/** When the closed-won workflow set the start: before the first run of day 0. */
export const SIGNED = '06:10';

const DAY_MS = 86_400_000;

/** The local date of day `day` of the year. */
export const dateOf = (day: number): string =>
  DateTime.fromISO(START, { zone: 'utc' }).plus({ days: day }).toISODate()!;

/** An instant at a local wall-clock time of day `day`. */
export const localAt = (day: number, time: string): Date =>
  DateTime.fromISO(`${dateOf(day)}T${time}`, { zone: ZONE }).toJSDate();

/** The day of the year an instant falls on, by the portal's calendar. */
export function dayOf(at: Date): number {
  const local = DateTime.fromJSDate(at, { zone: ZONE }).toISODate()!;
  return dayOfDate(local);
}

/** The day of the year of a local date (YYYY-MM-DD). */
export const dayOfDate = (date: string): number =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${START}T00:00:00Z`)) / DAY_MS);

export interface Qbr {
  /** The day the meeting was booked: from then on it is the next QBR. */
  bookedOn: number;
  /** The day it is held. */
  day: number;
}

export interface NpsAnswer {
  at: Date;
  score: number;
}

export interface YearSchedule {
  /** Calls, meetings and emails the rep logged, in order. */
  touches: Date[];
  /** Logins into the product, in order. */
  logins: Date[];
  /** Activation grows by this many points a day from day 6. */
  activationPerDay: number;
  /** The day an executive sponsor is named. */
  sponsorFrom: number;
  qbrs: Qbr[];
  nps: NpsAnswer[];
  /** The account is in the at-risk tier from `from` to the day before `until`. */
  dip: { from: number; until: number };
  /** Days with a second evaluation at 15:00. */
  reruns: ReadonlySet<number>;
}

/** A random wall-clock time between two whole hours (the second excluded). */
const timeBetween = (random: Random, from: number, to: number): string =>
  `${String(random.int(from, to - 1)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`;

export function yearSchedule(seed: number): YearSchedule {
  const random = seededRandom(seed);
  const dipFrom = random.int(160, 200);
  const dip = { from: dipFrom, until: dipFrom + random.int(14, 28) };
  // The rep calls every few days to two weeks, and now and then lets it slip for weeks; while the
  // account is at risk they call weekly or so.
  const touches: Date[] = [];
  for (let day = random.int(2, 10); day < DAYS;) {
    touches.push(localAt(day, timeBetween(random, 9, 18)));
    const atRisk = day >= dip.from && day < dip.until;
    day += atRisk ? random.int(3, 8) : random.chance(0.2) ? random.int(16, 30) : random.int(4, 13);
  }
  // Nobody logs in during the first five days; from then on most days someone does.
  const logins: Date[] = [];
  for (let day = 6; day < DAYS; day++)
    if (random.chance(0.8)) logins.push(localAt(day, timeBetween(random, 8, 20)));
  const activationPerDay = 1 + random.next();
  // Three QBRs about a quarter apart; the rep books the first two well ahead, and the third only
  // after the cadence says it was due.
  const q1 = random.int(96, 104);
  const q2 = q1 + random.int(86, 94);
  const late = q2 + 91 + random.int(1, 5);
  const qbrs: Qbr[] = [
    { bookedOn: q1 - random.int(20, 40), day: q1 },
    { bookedOn: q2 - random.int(16, 35), day: q2 },
    { bookedOn: late, day: late + random.int(4, 10) },
  ];
  const nps: NpsAnswer[] = [
    { at: localAt(random.int(120, 150), timeBetween(random, 10, 14)), score: 9 },
    { at: localAt(random.int(230, 260), timeBetween(random, 10, 14)), score: 7 },
  ];
  // A second run on the first days, on the catch-up day after the gap, and on the day of the
  // promoter's answer (given between the two runs); a fifth of the other days at random.
  const reruns = new Set([0, 3, 9, dayOf(nps[0]!.at)]);
  for (let day = 0; day < DAYS; day++) if (random.chance(0.2)) reruns.add(day);
  for (const day of SKIPPED_DAYS) reruns.delete(day);
  return { touches, logins, activationPerDay, sponsorFrom: 20, qbrs, nps, dip, reruns };
}

/** "d009 07:00": the day of the year and the local time of an evaluation. */
export const labelOf = (day: number, time = '07:00'): string =>
  `d${String(day).padStart(3, '0')} ${time}`;

export interface Evaluation {
  day: number;
  at: Date;
  /** "d009 07:00": the day of the year and the local time. */
  label: string;
}

/** Every evaluation of the year in order: 07:00 each day but the skipped ones, 15:00 on reruns. */
export function evaluations(schedule: YearSchedule): Evaluation[] {
  const out: Evaluation[] = [];
  for (let day = 0; day < DAYS; day++) {
    if (SKIPPED_DAYS.includes(day)) continue;
    for (const time of schedule.reruns.has(day) ? ['07:00', '15:00'] : ['07:00'])
      out.push({ day, at: localAt(day, time), label: labelOf(day, time) });
  }
  return out;
}

/** What HubSpot holds about the account at one evaluation. */
export interface FactsAt {
  lastTouchAt: Date | null;
  lastLoginAt: Date | null;
  activationPct: number;
  sponsor: boolean;
  /** The next QBR booked and the last held, as days of the year. */
  qbrNext: number | null;
  qbrLast: number | null;
  nps: NpsAnswer | null;
  tier: 'healthy' | 'at_risk';
}

const latest = <T>(items: readonly T[], ok: (item: T) => boolean): T | null =>
  items.filter(ok).at(-1) ?? null;

export function factsAt(schedule: YearSchedule, { day, at }: Evaluation): FactsAt {
  return {
    lastTouchAt: latest(schedule.touches, (t) => t <= at),
    lastLoginAt: latest(schedule.logins, (t) => t <= at),
    activationPct: activation(schedule, day),
    sponsor: day >= schedule.sponsorFrom,
    qbrNext: schedule.qbrs.find((q) => q.bookedOn <= day && q.day >= day)?.day ?? null,
    qbrLast: latest(schedule.qbrs, (q) => q.day < day)?.day ?? null,
    nps: latest(schedule.nps, (a) => a.at <= at),
    tier: day >= schedule.dip.from && day < schedule.dip.until ? 'at_risk' : 'healthy',
  };
}

/** Share of users active on a day: none before the first logins, then growing to 90 %. */
export function activation(schedule: YearSchedule, day: number): number {
  if (day < 6) return 0;
  return Math.min(90, Math.round(10 + (day - 6) * schedule.activationPerDay));
}
