import { shiftMonth } from '../backtest/history-reading.ts';
import type { CompanyFate } from '../backtest/replay-outcome.ts';
import type { Reading } from '../backtest/replay-models.ts';
import type { CompiledModel, CompiledSignal, SignalValue } from '../scoring/compile-model.ts';
import { SEGMENTS } from '../scoring/model-schema.ts';
import { scoreAccount } from '../scoring/score-account.ts';
import { seededRandom, type Random } from './seeded-random.ts';

/** How the made-up history is drawn; every figure has a default. */
export interface ChurnHistorySpec {
  seed: number;
  accounts: number;
  /** Months of history, ending with `lastMonth`. */
  months: number;
  /** The first account's number, so that several draws can make one book. Default 0. */
  firstAccount?: number;
  /** Accounts join within this many first months (0: all from the first). Default half. */
  joinWithin?: number;
  /** 'YYYY-MM'. */
  lastMonth: string;
  /** Chance a signal moves in a month. */
  drift?: number;
  /** Monthly churn odds at a score of 50, as log-odds. */
  baseLogOdds?: number;
  /** Log-odds of churn added per 10 points below 50 (taken off above it). */
  perTenPoints?: number;
  /** Spread of each month's noise on the log-odds: what the score cannot know. */
  noise?: number;
}

/** The drawn history: what Vitals would have read each month, and who churned when. */
export interface ChurnHistory {
  readings: Reading[];
  fates: Map<string, CompanyFate>;
  names: Map<string, string>;
}

const DEFAULTS = { drift: 0.25, baseLogOdds: -4.2, perTenPoints: 0.6, noise: 0.8 };

/**
 * A history whose churn truly depends on the signals: each account's signals drift month to
 * month, and each month it churns with odds that fall as `truth` scores it higher, plus seeded
 * noise the score cannot see. A backtest over it has something real to find (the generating
 * model should rank accounts best) and a known answer to check itself against.
 */
export function churnHistory(truth: CompiledModel, spec: ChurnHistorySpec): ChurnHistory {
  const p = { ...DEFAULTS, ...spec };
  const random = seededRandom(spec.seed);
  const months = monthsEnding(spec.lastMonth, spec.months);
  const readings: Reading[] = [];
  const fates = new Map<string, CompanyFate>();
  const names = new Map<string, string>();
  const first = spec.firstAccount ?? 0;
  const joinWithin = spec.joinWithin ?? Math.floor(months.length / 2);
  for (let a = first; a < first + spec.accounts; a++) {
    const companyId = String(41_000_000 + a);
    names.set(companyId, `History Co ${a + 1}`);
    const segment = random.pick(SEGMENTS.filter((s) => s !== 'trial'));
    // The account's standing, which wanders a little month to month.
    let quality = random.normal(0.4, 1);
    const signals: Record<string, SignalValue | null> = {};
    for (const s of truth.signals) signals[s.key] = drawValue(s, quality, random);
    // Accounts join over the history, so its early months hold fewer of them.
    const joined = random.int(0, joinWithin);
    let churnedAt: string | null = null;
    for (let m = joined; m < months.length && churnedAt === null; m++) {
      if (m > joined) {
        quality = 0.85 * quality + random.normal(0.06, 0.45);
        for (const s of truth.signals)
          if (random.chance(p.drift)) signals[s.key] = drawValue(s, quality, random);
      }
      const month = months[m]!;
      readings.push({
        companyId,
        month,
        takenAt: `${month}-15T06:00:00.000Z`,
        segment,
        signals: { ...signals },
        modifiers: {},
      });
      const score = scoreAccount(truth, { segment, signals }).score ?? 50;
      const logOdds =
        p.baseLogOdds + (p.perTenPoints * (50 - score)) / 10 + random.normal(0, p.noise);
      if (random.next() < 1 / (1 + Math.exp(-logOdds)))
        churnedAt = `${nextMonth(month)}-${String(random.int(1, 28)).padStart(2, '0')}T12:00:00.000Z`;
    }
    fates.set(companyId, { churnedAt, contractedAt: [] });
  }
  return { readings, fates, names };
}

/**
 * A value for the signal, as good as `quality` says: the account's standing (mean 0, sd 1) plus a
 * little noise picks a point on the signal's own scale from worst to best, so a strong account's
 * signals are mostly strong and a weak one's mostly weak, as in a real book.
 */
function drawValue(signal: CompiledSignal, quality: number, random: Random): SignalValue | null {
  if (random.chance(0.05)) return null;
  const candidates = candidatesOf(signal);
  const u = normalCdf(quality + random.normal(0, 0.9));
  return candidates[Math.min(candidates.length - 1, Math.floor(u * candidates.length))]!;
}

/** Values the signal can take, worst first by the points the model gives them. */
function candidatesOf(signal: CompiledSignal): SignalValue[] {
  const def = signal.def;
  let values: SignalValue[];
  if (def.type === 'enum') values = Object.keys(def.values);
  else {
    const edges = def.bands.flatMap((b) => [b.atLeast, b.above, b.atMost, b.below]);
    const known = edges.filter((e): e is number => e !== undefined);
    const low = def.min ?? Math.min(0, ...known);
    const high = def.max ?? Math.max(1, ...known) * 1.3;
    values = Array.from({ length: 12 }, (_, i) => {
      const v = low + ((high - low) * (i + 0.5)) / 12;
      return def.integer ? Math.round(v) : Math.round(v * 10) / 10;
    });
  }
  return values
    .map((v) => ({ v, points: signal.points(v) }))
    .sort((a, b) => a.points - b.points)
    .map((x) => x.v);
}

/** Φ, by the Abramowitz–Stegun approximation (error below 1e-7): plenty for drawing values. */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989423 * Math.exp((-x * x) / 2);
  const p =
    d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return x > 0 ? 1 - p : p;
}

function monthsEnding(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(last, i - (count - 1)));
}

function nextMonth(month: string): string {
  return shiftMonth(month, 1);
}
