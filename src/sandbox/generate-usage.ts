import type { Random } from './seeded-random.ts';

type Values = Record<string, string>;

/** Share of companies on which each usage property is missing, as a synced tool leaves gaps. */
const MISSING: Record<string, number> = {
  product_login_pct_of_baseline: 0.08,
  product_core_features_adopted: 0.1,
  product_usage_depth: 0.12,
  avg_reply_time_days: 0.15,
  checkin_attendance: 0.2,
  proactive_requests: 0.25,
  payment_status: 0.05,
  contract_value_trend: 0.18,
  billing_page_visits_30d: 0.1,
  last_sentiment: 0.22,
  goal_status: 0.22,
  roi_status: 0.25,
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const oneDecimal = (value: number) => String(Math.round(value * 10) / 10);

/** The usage properties a usage sync keeps on each company. */
export const USAGE_PROPERTIES: readonly string[] = Object.keys(MISSING);

/** Picks from values ordered best first: a healthier account tends to land nearer the front. */
function grade(random: Random, health: number, values: readonly string[]): string {
  const position = clamp(1 - health + random.normal(0, 0.18), 0, 0.999);
  return values[Math.floor(position * values.length)] as string;
}

/** Payment trouble is rare even among unhealthy accounts. */
function paymentStatus(random: Random, health: number): string {
  const risk = (1 - health) * random.next();
  if (risk > 0.75) return 'failed_unresolved';
  if (risk > 0.55) return 'two_plus_late';
  if (risk > 0.35) return 'one_late';
  return 'on_time';
}

/**
 * The product-usage properties of one company, drawn around its latent health (0 = about to
 * churn, 1 = thriving) so the signals agree with each other the way real accounts mostly do.
 */
export function generateUsage(random: Random, health: number): Values {
  const all = drawUsage(random, health);
  const kept: Values = {};
  for (const [name, value] of Object.entries(all)) {
    if (!random.chance(MISSING[name] ?? 0)) kept[name] = value;
  }
  return kept;
}

/** Every usage property drawn around `health`, none left out: a month of a usage sync. */
export function drawUsage(random: Random, health: number): Values {
  const h = health;
  return {
    product_login_pct_of_baseline: oneDecimal(clamp(random.normal(30 + 90 * h, 18), 0, 220)),
    product_core_features_adopted: String(Math.round(clamp(random.normal(1 + 10 * h, 2), 0, 14))),
    product_usage_depth: grade(random, h, ['advanced', 'intermediate', 'basic']),
    avg_reply_time_days: oneDecimal(0.2 + (1 - h) * 6 * random.next()),
    checkin_attendance: grade(random, h, ['always', 'usually', 'sometimes', 'never']),
    proactive_requests: grade(random, h, ['monthly', 'quarterly', 'rarely', 'never']),
    payment_status: paymentStatus(random, h),
    contract_value_trend: grade(random, h, ['expanding', 'stable', 'stable', 'contracting']),
    billing_page_visits_30d: String(Math.round(clamp(random.normal(6 * (1 - h), 2), 0, 20))),
    last_sentiment: grade(random, h, ['positive', 'positive', 'neutral', 'negative']),
    goal_status: grade(random, h, ['exceeding', 'on_track', 'behind', 'unclear']),
    roi_status: grade(random, h, ['clear_positive', 'probable', 'unclear', 'negative']),
  };
}
