/** retention-os signals that take points from one dimension only. */
export const BY_REASON = {
  'low-usage': { login_frequency_pct: 20, core_features_adopted: 1, usage_depth: 'basic' },
  disengaged: { reply_time_days: 'none', checkin_attendance: 'never', proactive_requests: 'never' },
  'too-expensive': { contract_value_trend: 'contracting', billing_page_visits_30d: 6 },
  'thin-relationship': {
    champion_status: 'weak',
    stakeholder_count: 1,
    last_sentiment: 'negative',
  },
  'champion-left': { champion_status: 'left', stakeholder_count: 1, last_sentiment: 'negative' },
  'not-seeing-value': { goal_status: 'unclear', roi_status: 'negative' },
} as const;

/** The dimension each reason is read from. */
export const DIMENSION = {
  'low-usage': 'usage',
  disengaged: 'engagement',
  'too-expensive': 'financial',
  'thin-relationship': 'relationship',
  'champion-left': 'relationship',
  'not-seeing-value': 'outcome',
} as const;
