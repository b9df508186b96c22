import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import type {
  AccountFacts,
  HistoryPoint,
  OpenTracks,
  PlayOutcome,
  SignalReadings,
} from '../../../src/plays/play-types.ts';
import { openSqliteStore } from '../../../src/store/open-sqlite-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { account, contact, settings, TIERS, withScore } from '../../unit/plays/play-input.ts';
import { expectedPlays, firstBusinessDay, line, type Made } from './expected-plays.ts';
import {
  dateOf,
  dayOf,
  dayOfDate,
  DAYS,
  evaluations,
  factsAt,
  labelOf,
  localAt,
  SIGNED,
  SKIPPED_DAYS,
  START,
  yearSchedule,
  ZONE,
  type Evaluation,
  type FactsAt,
  type YearSchedule,
} from './year-schedule.ts';

// One enterprise account's first year, evaluated as the daily job evaluates it (07:00 portal
// time, a second run at 15:00 on some days, two days with no run at all) and recorded in a real
// SQLite store: what the ledger makes, and makes once, is what the rep would see in HubSpot.

const SEED = 20250120;
const PORTAL = 'sandbox';
const COMPANY = 'c1';
const DAY_MS = 86_400_000;
const HEALTHY = withScore(86);
const AT_RISK = withScore(41);
const SETTINGS = settings({ timeZone: ZONE, managers: { o1: 'm1' } });

/** One intent the store recorded, and what recording it did. */
interface Recorded {
  at: string;
  key: string;
  outcome: 'new' | 'released' | 'existing';
  lifecycle: Made | null;
}

interface Year {
  schedule: YearSchedule;
  evaluations: Evaluation[];
  recorded: Recorded[];
  /** The lifecycle tasks and notes made (recorded as new), in order. */
  made: Made[];
  ms: number;
}

function accountOn(facts: FactsAt, at: Date): AccountFacts {
  const iso = (d: Date | null) => (d === null ? null : d.toISOString());
  return account({
    companyId: COMPANY,
    name: 'Northwind',
    segment: 'enterprise',
    mrr: 9000,
    ownerId: 'o1',
    renewalDate: dateOf(365),
    customerSince: localAt(0, SIGNED).toISOString(),
    lifecycle: {
      lastTouchAt: iso(facts.lastTouchAt),
      lastLoginAt: iso(facts.lastLoginAt),
      activationPct: facts.activationPct,
      accountExecutiveId: 'ae1',
      qbr: {
        next: facts.qbrNext === null ? null : dateOf(facts.qbrNext),
        last: facts.qbrLast === null ? null : dateOf(facts.qbrLast),
      },
    },
    npsLast: facts.nps?.score ?? null,
    npsAt: facts.nps === null ? null : facts.nps.at.toISOString(),
    daysSinceContact:
      facts.lastTouchAt === null
        ? null
        : Math.floor((at.getTime() - facts.lastTouchAt.getTime()) / DAY_MS),
    contacts: [
      contact({ id: 'k1', roles: ['CHAMPION'] }),
      contact({ id: 'k2', primary: true }),
      ...(facts.sponsor ? [contact({ id: 'k3', roles: ['EXECUTIVE_SPONSOR'] })] : []),
    ],
  });
}

const lifecycleOf = (action: PlayOutcome['actions'][number], at: string): Made | null =>
  action.kind === 'note' || (action.kind === 'task' && action.track === 'lifecycle')
    ? { at, ruleId: action.ruleId, episode: action.episode, kind: action.kind }
    : null;

async function simulate(store: Store, schedule: YearSchedule, clock: { now: Date }): Promise<Year> {
  const started = performance.now();
  const year: Year = {
    schedule,
    evaluations: evaluations(schedule),
    recorded: [],
    made: [],
    ms: 0,
  };
  // The state the job keeps between evaluations, carried from each outcome to the next input.
  let previouslyActive: ReadonlySet<string> = new Set();
  let tracks: OpenTracks = {};
  let readings: SignalReadings = {};
  const history: HistoryPoint[] = [];
  for (const ev of year.evaluations) {
    clock.now = ev.at;
    const facts = factsAt(schedule, ev);
    const current = facts.tier === 'healthy' ? HEALTHY : AT_RISK;
    const outcome = evaluatePlays({
      now: ev.at,
      account: accountOn(facts, ev.at),
      current,
      tiers: TIERS,
      history,
      previouslyActive,
      tracks,
      readings,
      // The portal was watched before this customer signed: its first year is no first run.
      baseline: false,
      settings: SETTINGS,
    });
    const intents = [...outcome.actions.filter((a) => a.kind !== 'property'), ...outcome.baselined];
    const basedOn = (await store.playsEvaluatedAt(PORTAL, [COMPANY])).get(COMPANY) ?? null;
    const recorded = await store.commitPlays({
      portal: PORTAL,
      intents,
      active: [
        {
          companyId: COMPANY,
          ruleIds: outcome.active,
          evaluatedAt: ev.at.toISOString(),
          tracks: outcome.tracks,
          readings: outcome.readings,
          basedOn,
        },
      ],
    });
    for (const { outcome: what, entry } of recorded) {
      const lifecycle = lifecycleOf(entry.action, ev.label);
      year.recorded.push({ at: ev.label, key: entry.key, outcome: what, lifecycle });
      if (what === 'existing') continue;
      // The shell creates it in HubSpot and marks it done.
      await store.completeAction(PORTAL, entry.key, `hs-${year.recorded.length}`);
      if (lifecycle) year.made.push(lifecycle);
    }
    previouslyActive = new Set(outcome.active);
    tracks = outcome.tracks;
    readings = outcome.readings;
    // The store keeps a reading when the score or tier changes.
    if (history.at(-1)?.score !== current.score)
      history.push({
        scoredAt: ev.at.toISOString(),
        score: current.score,
        tier: current.tier,
        dimensions: {},
      });
  }
  year.ms = performance.now() - started;
  return year;
}

describe('twelve months of one enterprise account', () => {
  const schedule = yearSchedule(SEED);
  const clock = { now: localAt(0, '07:00') };
  let dataDir: string;
  let store: Store;
  let year: Year;
  const made = (ruleId: string) => year.made.filter((m) => m.ruleId === ruleId);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vitals-twelve-months-'));
    store = await openSqliteStore(dataDir, { now: () => clock.now });
    year = await simulate(store, schedule, clock);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs a year of evaluations in a few seconds', () => {
    expect(year.evaluations.length).toBe(DAYS - SKIPPED_DAYS.length + schedule.reruns.size);
    expect(year.ms).toBeLessThan(8_000);
  });

  it("makes exactly the lifecycle plays the rules' windows give, in order", () => {
    expect(year.made.map(line)).toEqual(expectedPlays(schedule, year.evaluations).map(line));
  });

  it('makes every lifecycle key once, however often it comes up again', async () => {
    const lifecycle = year.recorded.filter((r) => r.lifecycle !== null);
    const keys = new Set(lifecycle.map((r) => r.key));
    const madeKeys = lifecycle.filter((r) => r.outcome !== 'existing').map((r) => r.key);
    expect(madeKeys.toSorted()).toEqual([...keys].toSorted());
    expect(lifecycle.filter((r) => r.outcome === 'released')).toEqual([]);
    // Plays stay due for days (a window, an open risk): most proposals are ones already made.
    expect(lifecycle.length).toBeGreaterThan(3 * madeKeys.length);
    const ledger = (await store.ledgerForCompany(PORTAL, COMPANY)).filter((e) => keys.has(e.key));
    expect(ledger.length).toBe(keys.size);
    expect(ledger.filter((e) => e.status !== 'done')).toEqual([]);
  });

  it('repeats nothing on a second run the same afternoon', () => {
    const reruns = year.recorded.filter((r) => r.at.endsWith('15:00'));
    const morning = new Set(
      year.recorded
        .filter((r) => r.at.endsWith('07:00'))
        .map((r) => `${r.at.slice(0, 4)} ${r.key}`),
    );
    const again = reruns.filter((r) => morning.has(`${r.at.slice(0, 4)} ${r.key}`));
    expect(again.length).toBeGreaterThan(schedule.reruns.size);
    expect(again.filter((r) => r.outcome !== 'existing')).toEqual([]);
    // What a rerun does make is news since 07:00: the promoter answered at midday.
    const [promoter] = schedule.nps;
    expect(
      reruns.filter((r) => r.outcome === 'new' && r.lifecycle).map((r) => r.lifecycle),
    ).toEqual([
      {
        at: labelOf(dayOf(promoter!.at), '15:00'),
        ruleId: 'nps-promoter',
        episode: promoter!.at.toISOString(),
        kind: 'task',
      },
    ]);
  });

  it('catches the day-7 steps up once on day 9, after two days without a run', () => {
    expect(year.evaluations.filter((e) => e.day === 7 || e.day === 8)).toEqual([]);
    expect(made('onboarding-week-1-check-in')).toEqual([
      { at: 'd009 07:00', ruleId: 'onboarding-week-1-check-in', episode: dateOf(7), kind: 'task' },
    ]);
    expect(made('onboarding-no-sponsor').map(line)).toEqual([
      `d009 07:00 onboarding-no-sponsor ${dateOf(7)} task`,
    ]);
  });

  it('walks the onboarding plan once, day 0 to day 90', () => {
    expect(made('onboarding-kickoff').map(line)).toEqual([
      `d000 07:00 onboarding-kickoff ${START} task`,
    ]);
    for (const [id, day] of [
      ['onboarding-quick-win', 3],
      ['onboarding-first-result', 14],
      ['onboarding-day-30-review', 30],
      ['onboarding-day-60-review', 60],
      ['onboarding-graduation', 90],
    ] as const)
      expect(made(id).map((m) => [m.at, m.episode])).toEqual([[labelOf(day), dateOf(day)]]);
    // Nobody logs in before day 6: the day-3 risk is raised on day 3.
    expect(made('onboarding-no-login').map(line)).toEqual([
      `d003 07:00 onboarding-no-login ${dateOf(3)} task`,
    ]);
  });

  it('asks for a check-in only when a gap between touches outgrows the cadence, once per gap', () => {
    const tasks = made('cadence-check-in');
    expect(tasks.length).toBeGreaterThanOrEqual(2);
    const touchDays = schedule.touches.map(dayOf);
    const gaps = tasks.map((task) => {
      const day = Number(task.at.slice(1, 4));
      // The gap it belongs to: the last touch logged before the run that made it.
      const at = year.evaluations.find((e) => e.label === task.at)!.at;
      const last = dayOf(schedule.touches.filter((t) => t <= at).at(-1)!);
      const next = touchDays.find((d) => d > last) ?? DAYS;
      const cadence = factsAt(schedule, { day, at, label: task.at }).tier === 'at_risk' ? 7 : 14;
      return { day, last, next, cadence };
    });
    for (const gap of gaps) {
      expect(gap.day).toBeGreaterThan(90);
      // The run that asked saw no touch for the cadence, and none came before the due day (one
      // logged on the due day itself comes after the 07:00 run that asked for it).
      expect(gap.day - gap.last).toBeGreaterThanOrEqual(gap.cadence);
      expect(gap.next - gap.last).toBeGreaterThanOrEqual(gap.cadence);
    }
    const perGap = gaps.map((g) => g.last);
    expect(perGap).toEqual([...new Set(perGap)]);
    // Every gap after onboarding longer than any cadence (14 days) got its check-in.
    const long = touchDays.filter((d, i) => d > 90 && (touchDays[i + 1] ?? DAYS) - d > 14);
    expect(long.length).toBeGreaterThanOrEqual(2);
    for (const last of long) expect(perGap).toContain(last);
  });

  it('writes the QBR prep note and task 14 days before each QBR', () => {
    const [q1, q2, q3] = schedule.qbrs;
    const prep = made('qbr-prep').map((m) => `${m.at} ${m.episode} ${m.kind}`);
    expect(prep).toEqual([
      `${labelOf(q1!.day - 14)} ${dateOf(q1!.day)} note`,
      `${labelOf(q1!.day - 14)} ${dateOf(q1!.day)} task`,
      `${labelOf(q2!.day - 14)} ${dateOf(q2!.day)} note`,
      `${labelOf(q2!.day - 14)} ${dateOf(q2!.day)} task`,
      // The third was booked late, less than 14 days ahead: the brief comes the day it is booked.
      `${labelOf(q3!.bookedOn)} ${dateOf(q3!.day)} note`,
      `${labelOf(q3!.bookedOn)} ${dateOf(q3!.day)} task`,
    ]);
    // …after the booking task, due 91 days after the second QBR.
    expect(made('qbr-book').map((m) => m.episode)).toEqual([dateOf(q2!.day + 91)]);
  });

  it('writes a value report on the first business day of every whole month', () => {
    const reports = made('monthly-value-report');
    // The reports on February to December 2025. January 2025 is the month the account joined
    // (no whole month: no report), and the report on January 2026 is due on 2 February 2026,
    // after day 364. Under the whole-month rule no 365 days from a start can hold 12 reports.
    expect(reports.map((m) => m.episode)).toEqual([
      '2025-03-03',
      '2025-04-01',
      '2025-05-01',
      '2025-06-02',
      '2025-07-01',
      '2025-08-01',
      '2025-09-01',
      '2025-10-01',
      '2025-11-03',
      '2025-12-01',
      '2026-01-01',
    ]);
    for (const r of reports) {
      expect(r.kind).toBe('note');
      expect(r.at).toBe(labelOf(dayOfDate(r.episode)));
      expect(firstBusinessDay(r.episode)).toBe(r.episode);
    }
  });

  it('marks six months and one year as a customer, a week ahead', () => {
    expect(made('anniversary').map((m) => [m.at, m.episode])).toEqual([
      [labelOf(dayOfDate('2025-07-13')), '2025-07-20'],
      [labelOf(dayOfDate('2026-01-13')), '2026-01-20'],
    ]);
  });

  it("follows the promoter's and the passive's answers up once each", () => {
    const [promoter, passive] = schedule.nps;
    expect(made('nps-promoter').map((m) => m.episode)).toEqual([promoter!.at.toISOString()]);
    expect(made('nps-passive').map((m) => m.episode)).toEqual([passive!.at.toISOString()]);
    expect(made('nps-detractor-escalation')).toEqual([]);
  });
});
