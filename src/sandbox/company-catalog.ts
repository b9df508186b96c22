import type { ObjectCatalog, PropertySpec } from './property-definition.ts';

const native = (spec: Omit<PropertySpec, 'groupName' | 'hubspotDefined'>): PropertySpec => ({
  ...spec,
  groupName: 'companyinformation',
  hubspotDefined: true,
});

const usage = (spec: Omit<PropertySpec, 'groupName'>): PropertySpec => ({
  ...spec,
  groupName: 'product_usage',
});

const number = (name: string, label: string) =>
  usage({ name, label, type: 'number', fieldType: 'number' });

const choice = (name: string, label: string, options: readonly string[]) =>
  usage({ name, label, type: 'enumeration', fieldType: 'select', options });

const signal = (name: string, label: string): PropertySpec => ({
  name,
  label,
  type: 'datetime',
  fieldType: 'date',
  groupName: 'customer_signals',
});

/** Company properties of the demo portal (/tmp/portal-contract.md), before the app adds its own. */
export const COMPANY_CATALOG: ObjectCatalog = {
  groups: [
    { name: 'companyinformation', label: 'Company information' },
    { name: 'product_usage', label: 'Product usage' },
    { name: 'customer_signals', label: 'Customer signals' },
  ],
  properties: [
    native({ name: 'name', label: 'Name', type: 'string', fieldType: 'text' }),
    native({ name: 'domain', label: 'Company domain name', type: 'string', fieldType: 'text' }),
    native({
      name: 'hubspot_owner_id',
      label: 'Company owner',
      type: 'enumeration',
      fieldType: 'select',
      referencedObjectType: 'OWNER',
    }),
    native({
      name: 'lifecyclestage',
      label: 'Lifecycle stage',
      type: 'enumeration',
      fieldType: 'radio',
      options: [
        'subscriber',
        'lead',
        'marketingqualifiedlead',
        'salesqualifiedlead',
        'opportunity',
        'customer',
        'evangelist',
        'other',
      ],
    }),
    native({
      name: 'createdate',
      label: 'Create date',
      type: 'datetime',
      fieldType: 'date',
      readOnly: true,
    }),
    native({
      name: 'hs_lastmodifieddate',
      label: 'Last modified date',
      type: 'datetime',
      fieldType: 'date',
      readOnly: true,
    }),
    native({
      name: 'notes_last_contacted',
      label: 'Last contacted',
      type: 'datetime',
      fieldType: 'date',
      readOnly: true,
    }),
    native({
      name: 'num_associated_contacts',
      label: 'Number of associated contacts',
      type: 'number',
      fieldType: 'number',
      calculated: true,
    }),
    native({
      name: 'hs_object_id',
      label: 'Record ID',
      type: 'number',
      fieldType: 'number',
      readOnly: true,
    }),
    number('mrr', 'MRR (USD)'),
    usage({ name: 'renewal_date', label: 'Renewal date', type: 'date', fieldType: 'date' }),
    choice('customer_status', 'Customer status', ['trial', 'active', 'churned']),
    number('product_login_pct_of_baseline', 'Logins (% of baseline)'),
    number('product_core_features_adopted', 'Core features adopted'),
    choice('product_usage_depth', 'Usage depth', ['advanced', 'intermediate', 'basic']),
    number('avg_reply_time_days', 'Average reply time (days)'),
    choice('checkin_attendance', 'Check-in attendance', [
      'always',
      'usually',
      'sometimes',
      'never',
    ]),
    choice('proactive_requests', 'Proactive requests', ['monthly', 'quarterly', 'rarely', 'never']),
    choice('payment_status', 'Payment status', [
      'on_time',
      'one_late',
      'two_plus_late',
      'failed_unresolved',
    ]),
    choice('contract_value_trend', 'Contract value trend', ['expanding', 'stable', 'contracting']),
    number('billing_page_visits_30d', 'Billing page visits (30 days)'),
    choice('last_sentiment', 'Last sentiment', ['positive', 'neutral', 'negative']),
    choice('goal_status', 'Goal status', ['exceeding', 'on_track', 'behind', 'unclear']),
    choice('roi_status', 'ROI status', ['clear_positive', 'probable', 'unclear', 'negative']),
    // Added for plays (generate-play-facts.ts); appended so earlier positions stay as they were.
    usage({ name: 'churned_at', label: 'Churned on', type: 'date', fieldType: 'date' }),
    usage({
      name: 'payment_failed_at',
      label: 'Last failed payment',
      type: 'datetime',
      fieldType: 'date',
    }),
    number('payment_failures', 'Failed payments in a row'),
    signal('data_export_requested_at', 'Data export requested'),
    signal('cancellation_terms_asked_at', 'Asked about cancellation terms'),
    signal('competitor_mentioned_at', 'Competitor mentioned'),
    signal('budget_review_at', 'Budget review announced'),
    signal('scope_cut_requested_at', 'Scope cut requested'),
    signal('new_use_case_at', 'New use case raised'),
    signal('success_milestone_at', 'Success milestone reached'),
    // HubSpot's own record of when the company became a customer: where onboarding starts.
    native({
      name: 'hs_v2_date_entered_customer',
      label: 'Date entered "Customer (Lifecycle Stage Pipeline)"',
      type: 'datetime',
      fieldType: 'date',
      readOnly: true,
    }),
  ],
};
