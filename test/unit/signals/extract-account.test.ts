import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/resolve-config.ts';
import { compileModel } from '../../../src/scoring/compile-model.ts';
import { scoreAccount } from '../../../src/scoring/score-account.ts';
import { extractAccount } from '../../../src/signals/extract-account.ts';
import type { HubSpotRecord } from '../../../src/signals/hubspot-record.ts';

const NOW = new Date('2025-06-01T12:00:00Z');
const demo = resolveConfig({}, { env: {}, cwd: '/srv', file: null });

const company = (properties: HubSpotRecord['properties'], id = '101'): HubSpotRecord => ({
  id,
  properties,
});
let nextContact = 1;
const contact = (properties: HubSpotRecord['properties'], id = String(nextContact++)) => ({
  id,
  properties,
});

function extract(
  properties: HubSpotRecord['properties'],
  contacts: HubSpotRecord[] = [],
  config = demo,
) {
  return extractAccount({ company: company(properties), contacts, now: NOW, config });
}

function withSignals(signals: Record<string, unknown>) {
  return resolveConfig({ signals }, { env: {}, cwd: '/srv', file: null });
}

describe('extractAccount: company properties', () => {
  it('parses numbers and takes enum values as they are', () => {
    const account = extract({
      name: 'Northwind',
      hubspot_owner_id: '77',
      mrr: '7200.50',
      product_login_pct_of_baseline: '112.5',
      product_core_features_adopted: '4',
      product_usage_depth: 'advanced',
      payment_status: 'one_late',
    });
    expect(account).toMatchObject({ id: '101', name: 'Northwind', ownerId: '77', mrr: 7200.5 });
    expect(account.signals).toMatchObject({
      login_frequency_pct: 112.5,
      core_features_adopted: 4,
      usage_depth: 'advanced',
      payment_history: 'one_late',
    });
    expect(account.problems).toEqual([]);
  });

  it('treats absent, null and blank values as missing, without a problem', () => {
    const account = extract({ product_login_pct_of_baseline: '', product_usage_depth: null });
    expect(account.signals.login_frequency_pct).toBeNull();
    expect(account.signals.usage_depth).toBeNull();
    expect(account.signals.roi_status).toBeNull();
    expect(account).toMatchObject({ name: null, ownerId: null, mrr: null, problems: [] });
  });

  it('reports garbage and out-of-range values, and counts them as missing', () => {
    const account = extract({
      mrr: '$7,200',
      product_login_pct_of_baseline: '12%',
      product_core_features_adopted: '2.5',
      billing_page_visits_30d: '-1',
      product_usage_depth: 'expert',
    });
    expect(account.signals).toMatchObject({
      login_frequency_pct: null,
      core_features_adopted: null,
      billing_page_visits_30d: null,
      usage_depth: null,
    });
    expect(account.mrr).toBeNull();
    const at = (property: string, value: string, message: string) => ({
      object: 'company',
      objectId: '101',
      property,
      value,
      message,
    });
    expect(account.problems).toEqual([
      at(
        'product_login_pct_of_baseline',
        '12%',
        'Not a number; login_frequency_pct takes a number of 0 or more.',
      ),
      at(
        'product_core_features_adopted',
        '2.5',
        'core_features_adopted takes a whole number of 0 or more.',
      ),
      at(
        'product_usage_depth',
        'expert',
        'usage_depth takes one of advanced, intermediate, basic. Add this value to signals.usage_depth.map.',
      ),
      at(
        'billing_page_visits_30d',
        '-1',
        'billing_page_visits_30d takes a whole number of 0 or more.',
      ),
      at('mrr', '$7,200', 'Not a number, so no segment rule on it can match.'),
    ]);
  });

  it('accepts a signal\'s words in place of a number ("none" for no reply)', () => {
    expect(extract({ avg_reply_time_days: 'none' }).signals.reply_time_days).toBe('none');
  });

  it('converts option values with map, and ratios with multiply', () => {
    const config = withSignals({
      payment_history: { from: 'company', property: 'billing_state', map: { paid: 'on_time' } },
      billing_page_visits_30d: {
        from: 'company',
        property: 'visits_band',
        type: 'enum',
        map: { none: 0, few: 2, many: 5 },
      },
      login_frequency_pct: { from: 'company', property: 'login_ratio', multiply: 100 },
    });
    const account = extract(
      { billing_state: 'paid', visits_band: 'few', login_ratio: '0.07' },
      [],
      config,
    );
    expect(account.signals).toEqual({
      payment_history: 'on_time',
      billing_page_visits_30d: 2,
      login_frequency_pct: 7,
    });
    // Values the map leaves out pass through when the signal takes them as they are.
    const direct = extract({ billing_state: 'one_late', visits_band: 'lots' }, [], config);
    expect(direct.signals.payment_history).toBe('one_late');
    expect(direct.signals.billing_page_visits_30d).toBeNull();
    expect(direct.problems.map((p) => p.property)).toEqual(['visits_band']);
    // An option value that happens to name an Object.prototype member is not in the map.
    expect(
      extract({ billing_state: 'constructor' }, [], config).signals.payment_history,
    ).toBeNull();
  });

  it('reports an MRR that is not a number when no segment rule reads it', () => {
    const config = resolveConfig({ segments: { rules: [] } }, { env: {}, cwd: '/srv', file: null });
    const account = extract({ mrr: 'lots' }, [], config);
    expect(account.mrr).toBeNull();
    expect(account.problems.map((p) => p.message)).toEqual([
      'Not a number: MRR must be a plain number such as 1250.50.',
    ]);
  });
});

describe('extractAccount: contacts', () => {
  it('counts stakeholders, leaving out those who left the company', () => {
    const contacts = [
      contact({ left_company: 'false' }),
      contact({ left_company: 'true' }),
      contact({}),
    ];
    expect(extract({}, contacts).signals.stakeholder_count).toBe(2);
    expect(extract({}, []).signals.stakeholder_count).toBe(0);
  });

  it('calls the champion strong while one with the role is still there', () => {
    const contacts = [
      contact({ hs_buying_role: 'CHAMPION', left_company: 'true' }),
      contact({ hs_buying_role: 'DECISION_MAKER;CHAMPION', left_company: 'false' }),
    ];
    expect(extract({}, contacts).signals.champion_status).toBe('strong');
  });

  it('calls the champion left when every champion has left, unknown when there is none', () => {
    const left = [
      contact({ hs_buying_role: 'CHAMPION', left_company: 'true' }),
      contact({ hs_buying_role: 'BUDGET_HOLDER', left_company: 'false' }),
    ];
    expect(extract({}, left).signals.champion_status).toBe('left');
    const none = [contact({ hs_buying_role: 'CHAMPIONS;END_USER' }), contact({})];
    expect(extract({}, none).signals.champion_status).toBe('unknown');
  });

  it('ignores who left when the champion source has no leftProperty', () => {
    const config = withSignals({ champion_status: { from: 'champion', role: 'CHAMPION' } });
    const contacts = [contact({ hs_buying_role: 'CHAMPION', left_company: 'true' })];
    expect(extract({}, contacts, config).signals.champion_status).toBe('strong');
  });

  it('takes the NPS of the most recently surveyed contact', () => {
    const contacts = [
      contact({ hs_feedback_last_nps_rating: '9', hs_feedback_last_survey_date: '2025-01-10' }),
      contact({
        hs_feedback_last_nps_rating: '4',
        hs_feedback_last_survey_date: '2025-04-02T08:00:00Z',
      }),
      contact({ hs_feedback_last_nps_rating: '10' }),
    ];
    expect(extract({}, contacts).modifiers.nps_last).toBe(4);
    expect(extract({}, contacts.toReversed()).modifiers.nps_last).toBe(4);
  });

  it('skips unusable NPS answers, reporting them, and settles ties by contact id', () => {
    const contacts = [
      contact(
        { hs_feedback_last_nps_rating: '11', hs_feedback_last_survey_date: '2025-05-01' },
        '9',
      ),
      contact(
        { hs_feedback_last_nps_rating: 'great', hs_feedback_last_survey_date: '2025-05-01' },
        '10',
      ),
      contact(
        { hs_feedback_last_nps_rating: '3', hs_feedback_last_survey_date: '2025-03-01' },
        '20',
      ),
      contact(
        { hs_feedback_last_nps_rating: '8', hs_feedback_last_survey_date: '2025-03-01' },
        '100',
      ),
      contact({ hs_feedback_last_nps_rating: '5', hs_feedback_last_survey_date: 'soon' }, '7'),
    ];
    const account = extract({}, contacts);
    expect(account.modifiers.nps_last).toBe(8);
    expect(account.problems).toEqual([
      {
        object: 'contact',
        objectId: '9',
        property: 'hs_feedback_last_nps_rating',
        value: '11',
        message: 'nps_last takes a whole number from 0 to 10.',
      },
      {
        object: 'contact',
        objectId: '10',
        property: 'hs_feedback_last_nps_rating',
        value: 'great',
        message: 'Not a number; nps_last takes a whole number from 0 to 10.',
      },
      {
        object: 'contact',
        objectId: '7',
        property: 'hs_feedback_last_survey_date',
        value: 'soon',
        message:
          'Not a date: expected a HubSpot date or date-time such as 2025-03-01 or 2025-03-01T09:30:00Z.',
      },
    ]);
    expect(extract({}, [contact({})]).modifiers.nps_last).toBeNull();
  });
});

describe('extractAccount: days since, segments, scoring', () => {
  it.each([
    ['2025-05-11T12:00:00Z', 21],
    ['2025-05-11T12:00:01Z', 20],
    ['2025-05-11', 21],
    [String(Date.UTC(2025, 4, 31, 13)), 0],
    ['2025-07-01T00:00:00Z', 0],
  ])('counts whole days from %s to now: %i', (lastContacted, days) => {
    const account = extract({ notes_last_contacted: lastContacted });
    expect(account.modifiers.days_since_last_contact).toBe(days);
  });

  it('reports a date it cannot read and leaves the days missing', () => {
    const account = extract({ notes_last_contacted: 'last week' });
    expect(account.modifiers.days_since_last_contact).toBeNull();
    expect(account.problems.map((p) => [p.property, p.value])).toEqual([
      ['notes_last_contacted', 'last week'],
    ]);
  });

  it.each([
    [{ customer_status: 'trial', mrr: '9000' }, 'trial'],
    [{ customer_status: 'active', mrr: '5000.01' }, 'enterprise'],
    [{ mrr: '5000' }, 'mid_market'],
    [{ mrr: '500' }, 'mid_market'],
    [{ mrr: '499.99' }, 'smb'],
    [{}, 'smb'],
  ])('puts %j in %s: first matching rule, else the default', (properties, segment) => {
    expect(extract(properties).segment).toBe(segment);
  });

  it('gives what the scoring core takes', () => {
    const account = extract(
      {
        product_login_pct_of_baseline: '95',
        product_usage_depth: 'advanced',
        notes_last_contacted: '2025-05-01',
      },
      [contact({ hs_feedback_last_nps_rating: '9', hs_feedback_last_survey_date: '2025-05-20' })],
    );
    const result = scoreAccount(compileModel(demo.model), account);
    expect(result.score).toBeTypeOf('number');
    expect(result.coverage).toBeGreaterThan(0);
  });
});
