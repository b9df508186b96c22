import { DateTime } from 'luxon';
import { LIFECYCLE_RULES } from '../../../src/lifecycle/lifecycle-rules.ts';
import {
  dateOf,
  dayOf,
  dayOfDate,
  factsAt,
  localAt,
  START,
  type Evaluation,
  type YearSchedule,
} from './year-schedule.ts';

// The lifecycle plays a year of evaluations should make, worked out from the schedule by the
// windows the rules document (not by asking the rules): each play once, on the first evaluation
// inside its window.

/** One task or note made: when, by which rule, for which episode. */
export interface Made {
  at: string;
  ruleId: string;
  episode: string;
  kind: 'task' | 'note';
}

export const line = (m: Made): string => `${m.at} ${m.ruleId} ${m.episode} ${m.kind}`;

/** The onboarding plan: a step's day and the day the next one takes over. */
const MILESTONES = [
  ['onboarding-kickoff', 0, 3],
  ['onboarding-quick-win', 3, 7],
  ['onboarding-week-1-check-in', 7, 14],
  ['onboarding-first-result', 14, 30],
  ['onboarding-day-30-review', 30, 60],
  ['onboarding-day-60-review', 60, 90],
  ['onboarding-graduation', 90, 104],
] as const;
const ONBOARDING_LAST_DAY = 90;
/** Enterprise: a touch every 14 days, every 7 while at risk; a QBR every 91 days, the first
 * due on day 104; the prep brief 14 days ahead. */
const TOUCH_DAYS = { healthy: 14, at_risk: 7 };
const QBR_DAYS = 91;
const FIRST_QBR_DUE = 104;
const QBR_LEAD = 14;
const NPS_RECENT_MS = 30 * 86_400_000;
/** Within a year: six months and one year (the second year's mark is beyond it). */
const ANNIVERSARY_MONTHS = [6, 12];

const months = (n: number) => DateTime.fromISO(START, { zone: 'utc' }).plus({ months: n });

/** The first Monday-to-Friday of the month of a date. */
export function firstBusinessDay(date: string): string {
  let day = DateTime.fromISO(date, { zone: 'utc' }).startOf('month');
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

/** The plays whose window holds at one evaluation, in the rule table's order. */
export function duePlays(schedule: YearSchedule, ev: Evaluation): Omit<Made, 'at'>[] {
  const n = ev.day;
  const f = factsAt(schedule, ev);
  const out: Omit<Made, 'at'>[] = [];
  const task = (ruleId: string, episode: string) => out.push({ ruleId, episode, kind: 'task' });
  const note = (ruleId: string, episode: string) => out.push({ ruleId, episode, kind: 'note' });

  for (const [id, day, next] of MILESTONES) if (n >= day && n < next) task(id, dateOf(day));
  const onboarding = n <= ONBOARDING_LAST_DAY;
  if (onboarding && n >= 3 && (f.lastLoginAt === null || dayOf(f.lastLoginAt) < 0))
    task('onboarding-no-login', dateOf(3));
  if (onboarding && n >= 8 && (f.lastTouchAt === null || dayOf(f.lastTouchAt) < 0))
    task('onboarding-kickoff-late', dateOf(8));
  if (onboarding && n >= 7 && !f.sponsor) task('onboarding-no-sponsor', dateOf(7));
  if (onboarding && n >= 30 && f.activationPct < 50) task('onboarding-low-activation', dateOf(30));

  // The dip into at risk opens a save episode at its first evaluation (07:00); while it is open,
  // its task is the call to make, until a touch is logged after it.
  const saveTaskAt = localAt(schedule.dip.from, '07:00');
  const saveOpen = n >= schedule.dip.from && n < schedule.dip.until;
  const covered = saveOpen && (f.lastTouchAt === null || f.lastTouchAt <= saveTaskAt);
  if (!onboarding && f.lastTouchAt !== null && !covered) {
    const dueDay = dayOf(f.lastTouchAt) + TOUCH_DAYS[f.tier];
    if (n >= dueDay) task('cadence-check-in', dateOf(dueDay));
  }
  if (f.qbrNext !== null && f.qbrNext - n <= QBR_LEAD) {
    note('qbr-prep', dateOf(f.qbrNext));
    task('qbr-prep', dateOf(f.qbrNext));
  }
  if (f.qbrNext === null) {
    const dueDay = f.qbrLast === null ? FIRST_QBR_DUE : f.qbrLast + QBR_DAYS;
    if (n >= dueDay) task('qbr-book', dateOf(dueDay));
  }
  for (const m of ANNIVERSARY_MONTHS) {
    const mark = dayOfDate(months(m).toISODate()!);
    if (n >= mark - 7 && n <= mark + 14) task('anniversary', dateOf(mark));
  }
  if (f.nps !== null && ev.at.getTime() - f.nps.at.getTime() <= NPS_RECENT_MS) {
    if (f.nps.score >= 9) task('nps-promoter', f.nps.at.toISOString());
    else if (f.nps.score >= 7) task('nps-passive', f.nps.at.toISOString());
  }
  const today = dateOf(n);
  const first = firstBusinessDay(today);
  const reported = DateTime.fromISO(today, { zone: 'utc' })
    .minus({ months: 1 })
    .toFormat('yyyy-MM');
  if (today >= first && reported > START.slice(0, 7)) note('monthly-value-report', first);
  return out.sort((a, b) => ORDER.indexOf(a.ruleId) - ORDER.indexOf(b.ruleId));
}

const ORDER = LIFECYCLE_RULES.map((r) => r.id);

/** Each play on the first evaluation inside its window, and never again. */
export function expectedPlays(schedule: YearSchedule, evaluations: readonly Evaluation[]): Made[] {
  const seen = new Set<string>();
  const out: Made[] = [];
  for (const ev of evaluations)
    for (const play of duePlays(schedule, ev)) {
      const key = `${play.ruleId} ${play.episode} ${play.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ at: ev.label, ...play });
    }
  return out;
}
