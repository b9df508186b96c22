import type { SignalValue } from '../../src/scoring/compile-model.ts';
import { mulberry32 } from './mulberry32.ts';

export interface RawAccount {
  id: string;
  segment?: string;
  signals: Record<string, SignalValue | null>;
  modifiers: Record<string, number | null>;
}

type Rng = () => number;

const SEGMENT_SHARES: [string | undefined, number][] = [
  ['enterprise', 0.12],
  ['mid_market', 0.3],
  ['smb', 0.45],
  ['trial', 0.08],
  [undefined, 0.05],
];

/** Shares of accounts without a whole dimension: no goals or ROI set yet, no contacts mapped. */
const DIMENSION_GAPS: [string[], number][] = [
  [['goal_status', 'roi_status'], 0.12],
  [['champion_status', 'stakeholder_count', 'last_sentiment'], 0.03],
];

/** `count` retention-os accounts as an input file holds them, the same for the same seed. */
export function retentionAccounts(count: number, seed: number): RawAccount[] {
  const rng = mulberry32(seed);
  return Array.from({ length: count }, (_, index) => account(rng, index));
}

function account(rng: Rng, index: number): RawAccount {
  // One hidden health per account, so its signals agree with each other as they do in a real book.
  const health = rng() ** 0.7;
  const near = (spread: number) => Math.min(1, Math.max(0, health + (rng() - 0.5) * spread));
  const segment = weighted(rng, SEGMENT_SHARES);
  const noData = rng() < 0.001;
  return {
    id: `company-${index + 1}`,
    ...(segment === undefined ? {} : { segment }),
    signals: noData ? {} : withGaps(rng, signals(rng, near)),
    modifiers: modifiers(rng, near),
  };
}

function signals(rng: Rng, near: (spread: number) => number): Record<string, SignalValue> {
  return {
    login_frequency_pct: Math.round(near(0.6) * 1300) / 10,
    core_features_adopted: Math.round(near(0.6) * 6),
    usage_depth: pick(['basic', 'intermediate', 'advanced'], near(0.7)),
    reply_time_days: rng() < 0.04 ? 'none' : Math.round((1 - near(0.6)) * 90) / 10,
    checkin_attendance: pick(['never', 'sometimes', 'usually', 'always'], near(0.7)),
    proactive_requests: pick(['never', 'rarely', 'quarterly', 'monthly'], near(0.7)),
    payment_history: pick(
      ['failed_unresolved', 'two_plus_late', 'one_late', 'on_time'],
      near(0.5) ** 0.3,
    ),
    contract_value_trend: pick(['contracting', 'stable', 'expanding'], near(0.7)),
    billing_page_visits_30d: Math.round((1 - near(0.6)) ** 2 * 5),
    champion_status: pick(['left', 'unknown', 'weak', 'moderate', 'strong'], near(0.7)),
    stakeholder_count: Math.round(near(0.7) * 5),
    last_sentiment: pick(['negative', 'neutral', 'positive'], near(0.7)),
    goal_status: pick(['unclear', 'behind', 'on_track', 'exceeding'], near(0.7)),
    roi_status: pick(['negative', 'unclear', 'probable', 'clear_positive'], near(0.7)),
  };
}

/** Some signals never synced (absent), some synced empty (null), some whole dimensions missing. */
function withGaps(rng: Rng, all: Record<string, SignalValue>): Record<string, SignalValue | null> {
  const dropped = new Set(DIMENSION_GAPS.flatMap(([keys, share]) => (rng() < share ? keys : [])));
  const out: Record<string, SignalValue | null> = {};
  for (const [key, value] of Object.entries(all)) {
    const r = rng();
    if (dropped.has(key) || r < 0.06) continue;
    out[key] = r < 0.09 ? null : value;
  }
  return out;
}

function modifiers(rng: Rng, near: (spread: number) => number): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const nps = rng();
  if (nps < 0.6) out.nps_last = Math.round(near(0.8) * 10);
  else if (nps < 0.65) out.nps_last = null;
  if (rng() < 0.92) out.days_since_last_contact = Math.round((1 - near(0.8)) ** 1.5 * 45);
  return out;
}

function pick(values: string[], x: number): string {
  return values[Math.min(values.length - 1, Math.floor(x * values.length))]!;
}

function weighted<T>(rng: Rng, shares: [T, number][]): T {
  let r = rng();
  for (const [value, share] of shares) {
    if (r < share) return value;
    r -= share;
  }
  return shares[shares.length - 1]![0];
}
