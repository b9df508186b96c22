import { DAY_MS, isoDate, isoDateTime, type DemoRecord } from './demo-record.ts';
import type { Random } from './seeded-random.ts';

/** Churn signals: dates a CSM or a workflow stamps on the company when they happen. */
export const CHURN_SIGNAL_PROPERTIES = [
  'data_export_requested_at',
  'cancellation_terms_asked_at',
  'competitor_mentioned_at',
  'budget_review_at',
  'scope_cut_requested_at',
] as const;

/** Expansion signals, stamped the same way. */
export const EXPANSION_SIGNAL_PROPERTIES = ['new_use_case_at', 'success_milestone_at'] as const;

/** Share of churned companies whose churn is over a year old (win-back no longer applies). */
const LONG_CHURNED = 0.12;
/** A signal is recent (within the last 30 days) this often; the rest are older. */
const RECENT_SIGNAL = 0.8;

const RECENT_DAYS = 30;

/** An instant in [fromMs, toMs], to the second; toMs when the span is empty. */
function between(random: Random, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return toMs;
  return fromMs + random.int(0, Math.floor((toMs - fromMs) / 1000)) * 1000;
}

interface Dates {
  referenceMs: number;
  createdMs: number;
  updatedMs: number;
}

/**
 * Churned on: mostly shortly before the renewal it did not take (within the last year); a few
 * over a year ago, and always after the company was created.
 */
function churnedAt(
  random: Random,
  properties: Record<string, string>,
  dates: Dates,
  long: boolean,
) {
  const earliest = dates.createdMs + 30 * DAY_MS;
  if (long) {
    const ms = dates.referenceMs - random.int(366, 720) * DAY_MS;
    if (ms >= earliest) return isoDate(ms);
  }
  const renewal = Date.parse(`${properties.renewal_date ?? ''}T12:00:00.000Z`);
  const end = Number.isNaN(renewal) ? dates.referenceMs - 30 * DAY_MS : renewal;
  return isoDate(Math.max(earliest, end - random.int(0, 30) * DAY_MS));
}

/** Failed payments, agreeing with payment_status: late payments are failed charges. */
function paymentFacts(random: Random, status: string | undefined, dates: Dates) {
  const recent = (days: number) =>
    isoDateTime(between(random, dates.referenceMs - days * DAY_MS, dates.updatedMs));
  if (status === 'failed_unresolved' || status === 'two_plus_late') {
    return { payment_failures: String(random.int(2, 3)), payment_failed_at: recent(14) };
  }
  if (status === 'one_late' && random.chance(0.3)) {
    return { payment_failures: '1', payment_failed_at: recent(10) };
  }
  if (status === 'on_time' && random.chance(0.03)) {
    // Failed once long ago and paid since: the date stays, the count is back to 0.
    const ms = dates.referenceMs - random.int(60, 300) * DAY_MS;
    return { payment_failures: '0', payment_failed_at: isoDateTime(Math.max(dates.createdMs, ms)) };
  }
  return {};
}

/** When a signal was last seen: mostly in the last 30 days, never after the last change. */
function signalAt(random: Random, dates: Dates): string {
  const from = Math.max(dates.createdMs, dates.referenceMs - RECENT_DAYS * DAY_MS);
  if (random.chance(RECENT_SIGNAL)) return isoDateTime(between(random, from, dates.updatedMs));
  const old = dates.referenceMs - random.int(RECENT_DAYS + 1, 120) * DAY_MS;
  return isoDateTime(Math.max(dates.createdMs, old));
}

function signals(random: Random, health: number, dates: Dates): Record<string, string> {
  const values: Record<string, string> = {};
  const churnChance = 0.08 * (1 - health) ** 2;
  for (const name of CHURN_SIGNAL_PROPERTIES) {
    if (random.chance(churnChance)) values[name] = signalAt(random, dates);
  }
  const expansionChance = 0.05 * health ** 2;
  for (const name of EXPANSION_SIGNAL_PROPERTIES) {
    if (random.chance(expansionChance)) values[name] = signalAt(random, dates);
  }
  return values;
}

/**
 * Adds what the plays act on to each generated company: churn dates, failed payments and
 * churn/expansion signal dates. It draws from its own random stream, so every value the
 * portal had before these properties existed stays exactly as it was. Companies must be
 * passed in index order.
 */
export function createPlayFacts(random: Random, referenceMs: number) {
  let churned = 0;
  return (company: DemoRecord, health: number): void => {
    const { properties } = company;
    const dates = {
      referenceMs,
      createdMs: Date.parse(company.createdAt),
      updatedMs: Date.parse(company.updatedAt),
    };
    if (properties.customer_status === 'churned') {
      churned += 1;
      // The first churned company churned recently, the second long ago: even a tiny portal
      // shows both sides of the win-back window.
      const long = churned === 2 || (churned > 2 && random.chance(LONG_CHURNED));
      properties.churned_at = churnedAt(random, properties, dates, long);
      return;
    }
    Object.assign(
      properties,
      paymentFacts(random, properties.payment_status, dates),
      signals(random, health, dates),
    );
  };
}
