import type { SegmentSettings } from './segment-rules-schema.ts';
import type { SignalSource } from './signal-source-schema.ts';

// The mapping of vitals.config.example.yaml, used when a config leaves these sections out; it
// fits the demo portal (/tmp/portal-contract.md) and the keys of retention-os.

export const DEFAULT_SEGMENTS: SegmentSettings = {
  rules: [
    { segment: 'trial', property: 'customer_status', equals: 'trial' },
    { segment: 'enterprise', property: 'mrr', above: 5000 },
    { segment: 'mid_market', property: 'mrr', atLeast: 500 },
  ],
  default: 'smb',
};

const company = (property: string): SignalSource => ({ from: 'company', property });

export const DEFAULT_SIGNALS: Readonly<Record<string, SignalSource>> = {
  login_frequency_pct: company('product_login_pct_of_baseline'),
  core_features_adopted: company('product_core_features_adopted'),
  usage_depth: company('product_usage_depth'),
  reply_time_days: company('avg_reply_time_days'),
  checkin_attendance: company('checkin_attendance'),
  proactive_requests: company('proactive_requests'),
  payment_history: company('payment_status'),
  contract_value_trend: company('contract_value_trend'),
  billing_page_visits_30d: company('billing_page_visits_30d'),
  champion_status: {
    from: 'champion',
    role: 'CHAMPION',
    roleProperty: 'hs_buying_role',
    leftProperty: 'left_company',
  },
  stakeholder_count: {
    from: 'associatedContactCount',
    excludeWhen: { property: 'left_company', equals: 'true' },
  },
  last_sentiment: company('last_sentiment'),
  goal_status: company('goal_status'),
  roi_status: company('roi_status'),
  nps_last: {
    from: 'latestContactNumber',
    property: 'hs_feedback_last_nps_rating',
    dateProperty: 'hs_feedback_last_survey_date',
  },
  days_since_last_contact: { from: 'daysSince', property: 'notes_last_contacted' },
};
