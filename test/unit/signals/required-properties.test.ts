import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/resolve-config.ts';
import { requiredProperties } from '../../../src/signals/required-properties.ts';

const resolve = (data: unknown) => resolveConfig(data, { env: {}, cwd: '/srv', file: null });

describe('requiredProperties', () => {
  it('lists what the demo mapping reads from companies and contacts', () => {
    expect(requiredProperties(resolve({}))).toEqual({
      company: [
        'avg_reply_time_days',
        'billing_page_visits_30d',
        'checkin_attendance',
        'contract_value_trend',
        'customer_status',
        'goal_status',
        'hubspot_owner_id',
        'last_sentiment',
        'mrr',
        'name',
        'notes_last_contacted',
        'payment_status',
        'proactive_requests',
        'product_core_features_adopted',
        'product_login_pct_of_baseline',
        'product_usage_depth',
        'roi_status',
      ],
      contact: [
        'hs_buying_role',
        'hs_feedback_last_nps_rating',
        'hs_feedback_last_survey_date',
        'left_company',
      ],
      needsContacts: true,
    });
  });

  it('needs no contacts when only company properties are mapped', () => {
    const config = resolve({
      mrrProperty: null,
      segments: {
        rules: [{ segment: 'trial', property: 'lifecyclestage', equals: 'opportunity' }],
      },
      signals: {
        usage_depth: { from: 'company', property: 'product_usage_depth' },
        days_since_last_contact: { from: 'daysSince', property: 'notes_last_contacted' },
      },
    });
    expect(requiredProperties(config)).toEqual({
      company: [
        'hubspot_owner_id',
        'lifecyclestage',
        'name',
        'notes_last_contacted',
        'product_usage_depth',
      ],
      contact: [],
      needsContacts: false,
    });
  });
});
