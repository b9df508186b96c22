import { DEFAULT_SEGMENTS, DEFAULT_SIGNALS } from '../config/default-mapping.ts';
import type { MappingConfig } from '../config/config.ts';
import { loadModel } from '../models/load-model.ts';
import { compileModel } from '../scoring/compile-model.ts';
import { scoreAccount } from '../scoring/score-account.ts';
import { accountAsOf } from '../signals/account-as-of.ts';
import { historyReadingAt } from '../backtest/history-reading.ts';
import { DAY_MS, isoDateTime, type DemoRecord } from './demo-record.ts';
import { drawUsage, USAGE_PROPERTIES } from './generate-usage.ts';
import type { Random } from './seeded-random.ts';

/** How the usage history is drawn; the figures are those of the backtest's own test history. */
export interface UsageHistorySpec {
  /** The portal's "today". */
  referenceMs: number;
  /** Months of history before the reference month (a churned company gets its whole life). */
  months: number;
  /** Monthly churn odds at a score of 50, as log-odds. */
  baseLogOdds?: number;
  /** Log-odds of churn added per 10 points below 50 (taken off above it). */
  perTenPoints?: number;
  /** Spread of each month's noise on the log-odds: what the score cannot know. */
  noise?: number;
}

/** One value a usage sync wrote: a row of the company's property history. */
export interface UsageHistoryRow {
  name: string;
  value: string;
  timestamp: string;
}

/** One month the generating model scored: what a rebuild of that month must read. */
export interface ScoredMonth {
  month: string;
  signals: Record<string, unknown>;
}

const DEFAULTS = { baseLogOdds: -4.2, perTenPoints: 0.6, noise: 0.8 };
// A usage sync writes on the first of the month; an account's standing moves a little each month.
const WRITE_HOUR_MS = 6 * 3_600_000;
const CHANGE_CHANCE = 0.3;
// Drawing a path that ends as the seed says takes a few dozen tries for a churned account.
const MAX_TRIES = 2_000;
const SALES_CYCLE_DAYS = 14;
// A churned company's whole customer life is drawn (seeded companies are at most 46 months old),
// so no month before the window reads values it only had after churning.
const LIFETIME_MONTHS = 48;

/** The model and mapping whose score drives the drawn churn: the defaults Vitals reads with. */
export const HISTORY_TRUTH_MODEL = 'retention-os';

/**
 * The usage properties' monthly history of each seeded company: its standing wanders month to
 * month around the health the seed drew, the usage values follow it, and each month the account
 * churns with odds that fall as the default model scores it higher (plus noise the score cannot
 * see). Each company's path is drawn until it ends as the seed says (still a customer, or churned
 * in the month of its churned_at), so the portal's current values stay exactly as seeded while
 * its past holds a churn history a backtest can find.
 */
export function createUsageHistory(random: Random, spec: UsageHistorySpec) {
  const p = { ...DEFAULTS, ...spec };
  const truth = compileModel(loadModel(HISTORY_TRUTH_MODEL));
  const config: MappingConfig = {
    model: truth.model,
    segments: DEFAULT_SEGMENTS,
    signals: DEFAULT_SIGNALS,
    mrrProperty: 'mrr',
  };
  const starts = monthStarts(spec.referenceMs, Math.max(spec.months, LIFETIME_MONTHS));
  const current = starts.length - 1;
  const windowFirst = current - spec.months;
  const readingAt = (m: number) => historyReadingAt(isoDateTime(starts[m]!).slice(0, 7));
  let unmatched = 0;
  const lastReadingBefore = (date: string | undefined): number | null => {
    const ms = Date.parse(`${date ?? ''}T00:00:00.000Z`);
    if (Number.isNaN(ms)) return null;
    let step: number | null = null;
    for (let m = 0; m < starts.length && readingAt(m).getTime() < ms; m++) step = m;
    return step;
  };

  // What the truth scored each month of the path being drawn: the months Vitals should rebuild.
  let scored: ScoredMonth[] = [];

  const churnOdds = (company: DemoRecord, values: Record<string, string>, m: number) => {
    const at = readingAt(m);
    // The month as Vitals will rebuild it from the portal's history, by the same function.
    const record = { id: String(company.id), properties: { ...company.properties, ...values } };
    const account = accountAsOf(record, at, config);
    scored.push({ month: isoDateTime(starts[m]!).slice(0, 7), signals: account.signals });
    const score = scoreAccount(truth, account).score ?? 50;
    const logOdds =
      p.baseLogOdds + (p.perTenPoints * (50 - score)) / 10 + random.normal(0, p.noise);
    return 1 / (1 + Math.exp(-logOdds));
  };

  const historyOf = (company: DemoRecord, health: number): UsageHistoryRow[] => {
    scored = [];
    const props = company.properties;
    if (props.customer_status === 'trial') return [];
    const names = USAGE_PROPERTIES.filter((n) => props[n] !== undefined);
    if (names.length === 0) return [];
    const signed =
      Date.parse(props.hs_v2_date_entered_customer ?? '') ||
      Date.parse(company.createdAt) + SALES_CYCLE_DAYS * DAY_MS;
    const signedIn = starts.findIndex((start) => start >= signed);
    if (signedIn === -1 || signedIn >= current) return [];
    const churned = props.customer_status === 'churned';
    // The last reading before the churn: its odds bring it. Vitals reads churned_at as midnight
    // UTC and rebuilds every month whose reading comes before that, so the two agree.
    const step = churned ? lastReadingBefore(props.churned_at) : null;
    // A churn after this month's reading is drawn as if it came at the next: "today" ends the history.
    const churnStep = step === null ? null : Math.min(step, current - 1);
    // Churned before its first reading, or before the drawn months: nothing to draw.
    if (churned && (churnStep === null || churnStep < signedIn)) return [];
    const first = churned ? signedIn : Math.max(signedIn, windowFirst);
    const last = churnStep ?? current - 1;

    let path: Record<string, string>[] = [];
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      path = [];
      scored = [];
      let standing = clamp(health + random.normal(0, 0.12));
      let values: Record<string, string> = {};
      let ends = true;
      for (let m = first; m <= last; m++) {
        if (m > first)
          standing = clamp(standing + 0.2 * (health - standing) + random.normal(0, 0.08));
        const drawn = drawUsage(random, standing);
        const next: Record<string, string> = {};
        for (const n of names)
          next[n] = m === first || random.chance(CHANGE_CHANCE) ? drawn[n]! : values[n]!;
        values = next;
        path.push(values);
        // A survivor's last reading would bring a churn after "today": it is not judged.
        if (churnStep === null && m === current - 1) break;
        const churns = random.next() < churnOdds(company, values, m);
        if (churns !== (m === churnStep)) {
          ends = false;
          break;
        }
      }
      if (ends) break;
      if (attempt === MAX_TRIES - 1) unmatched += 1;
    }
    return rowsOf(names, path, first, starts, props, current);
  };

  return Object.assign(historyOf, {
    /** The months the truth scored for the last company drawn, and the signals it scored. */
    lastScored: (): readonly ScoredMonth[] => scored,
    /** Companies whose drawn path could not end as the seed says within the tries allowed. */
    unmatched: () => unmatched,
  });
}

/** The changes of each property, oldest first, then the seeded value as this month's write. */
function rowsOf(
  names: readonly string[],
  path: readonly Record<string, string>[],
  first: number,
  starts: readonly number[],
  seeded: Record<string, string>,
  current: number,
): UsageHistoryRow[] {
  const rows: UsageHistoryRow[] = [];
  for (const name of names) {
    let previous: string | undefined;
    path.forEach((values, i) => {
      const value = values[name]!;
      if (value !== previous)
        rows.push({ name, value, timestamp: isoDateTime(starts[first + i]! + WRITE_HOUR_MS) });
      previous = value;
    });
    const now = seeded[name]!;
    if (now !== previous)
      rows.push({ name, value: now, timestamp: isoDateTime(starts[current]! + WRITE_HOUR_MS) });
  }
  return rows;
}

/** Midnight UTC of the first of each of the `months` months before the reference month, and of it. */
function monthStarts(referenceMs: number, months: number): number[] {
  const ref = new Date(referenceMs);
  return Array.from({ length: months + 1 }, (_, i) =>
    Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - months + i, 1),
  );
}

const clamp = (value: number) => Math.min(0.98, Math.max(0.02, value));
