import { describe, expect, expectTypeOf, it } from 'vitest';
import YAML from 'yaml';
import type { Config } from '../../../src/config/config.ts';
import { ConfigError } from '../../../src/config/config-error.ts';
import { resolveConfig } from '../../../src/config/resolve-config.ts';
import type { PlaySettings } from '../../../src/plays/play-types.ts';

const resolve = (data: unknown) => resolveConfig(data, { env: {}, cwd: '/srv/vitals', file: null });

function issuesOf(plays: unknown, rest: Record<string, unknown> = {}) {
  try {
    resolve({ ...rest, plays });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected the config to be rejected');
}

describe('the plays section', () => {
  it('resolves to exactly the PlaySettings of the plays core', () => {
    expectTypeOf<Config['plays']>().toEqualTypeOf<PlaySettings>();
  });

  it('has defaults for everything, and they fit the demo portal', () => {
    const config = resolve({});
    expect(config.plays).toEqual({
      timeZone: 'UTC',
      fallbackOwnerId: null,
      managers: {},
      dailyTaskCapPerOwner: 25,
      workdayStartHour: 8,
      workdayEndHour: 18,
      nextTouchpointDays: 7,
      renewal: { sequenceId: null, offsetDays: 90 },
      winBack: { sequenceId: null, maxDaysAfterChurn: 365 },
      paymentRecovery: { sequenceId: null, highValueMrr: 5000 },
      sender: { userId: null, email: null },
      disabledRules: [],
      lifecycle: {
        enabled: true,
        cadence: {
          enterprise: { touchDays: 14, qbrDays: 91 },
          mid_market: { touchDays: 30, qbrDays: 182 },
          smb: { touchDays: 91, qbrDays: 365 },
          trial: { touchDays: null, qbrDays: null },
        },
        criticalTouchDays: 1,
        dailyTaskBudgetPercent: 5,
        atRiskTouchDays: 7,
        qbrLeadDays: 14,
        valueReport: true,
      },
    });
    expect(config.playsMapping).toEqual({
      enabled: true,
      settleAfterSeconds: 10,
      signals: {
        data_export_request: 'data_export_requested_at',
        cancellation_terms_asked: 'cancellation_terms_asked_at',
        competitor_mentioned: 'competitor_mentioned_at',
        budget_review: 'budget_review_at',
        scope_cut_request: 'scope_cut_requested_at',
        new_use_case: 'new_use_case_at',
        success_milestone: 'success_milestone_at',
      },
      churn: { property: 'customer_status', equals: 'churned', dateProperty: 'churned_at' },
      renewalDateProperty: 'renewal_date',
      customerSinceProperty: 'hs_v2_date_entered_customer',
      payment: { failedAtProperty: 'payment_failed_at', failuresProperty: 'payment_failures' },
      lifecycle: {
        touchProperties: ['notes_last_contacted'],
        lastLoginProperty: null,
        activationProperty: null,
        accountExecutiveProperty: null,
        qbrDateProperty: null,
        qbrMeetingWord: 'QBR',
      },
    });
  });

  it("takes the schedule's time zone unless plays names its own", () => {
    const schedule = { timezone: 'Europe/Berlin' };
    expect(resolve({ schedule }).plays.timeZone).toBe('Europe/Berlin');
    expect(resolve({ schedule, plays: { timeZone: 'America/New_York' } }).plays.timeZone).toBe(
      'America/New_York',
    );
  });

  it('turns ids written as numbers into text, and keeps quoted ones', () => {
    const { plays } = resolve(
      YAML.parse(`
        plays:
          fallbackOwnerId: 61234567
          managers: { 61234567: 70000001, '80000002': ' 70000001 ' }
          renewal: { sequenceId: 24680135 }
          winBack: { sequenceId: '13579' }
          sender: { userId: 9012345, email: csm@example.com }
      `),
    );
    expect(plays.fallbackOwnerId).toBe('61234567');
    expect(plays.managers).toEqual({ '61234567': '70000001', '80000002': '70000001' });
    expect(plays.renewal.sequenceId).toBe('24680135');
    expect(plays.winBack.sequenceId).toBe('13579');
    expect(plays.sender).toEqual({ userId: '9012345', email: 'csm@example.com' });
  });

  it('reads the whole mapping, and lets churn and the renewal date be switched off', () => {
    const { playsMapping, plays } = resolve({
      plays: {
        signals: { champion_left: 'champion_left_at', usage_near_limit: 'near_limit_at' },
        churn: { property: 'lifecycle_status', equals: 0, dateProperty: 'churned_at' },
        payment: { failedAtProperty: 'payment_failed_at', failuresProperty: 'payment_failures' },
        disabledRules: ['stable-90-two-quarters', 'stable-90-two-quarters', 'nps-detractor'],
      },
    });
    expect(playsMapping).toEqual({
      enabled: true,
      settleAfterSeconds: 10,
      signals: { champion_left: 'champion_left_at', usage_near_limit: 'near_limit_at' },
      churn: { property: 'lifecycle_status', equals: '0', dateProperty: 'churned_at' },
      renewalDateProperty: 'renewal_date',
      customerSinceProperty: 'hs_v2_date_entered_customer',
      payment: { failedAtProperty: 'payment_failed_at', failuresProperty: 'payment_failures' },
      lifecycle: {
        touchProperties: ['notes_last_contacted'],
        lastLoginProperty: null,
        activationProperty: null,
        accountExecutiveProperty: null,
        qbrDateProperty: null,
        qbrMeetingWord: 'QBR',
      },
    });
    expect(plays.disabledRules).toEqual(['stable-90-two-quarters', 'nps-detractor']);
    const off = resolve({ plays: { churn: null, renewalDateProperty: null } }).playsMapping;
    expect(off).toMatchObject({ churn: null, renewalDateProperty: null });
  });
});

describe('plays errors name the setting, the value and the fix', () => {
  it('rejects ids that are not digits, and numbers too long to read exactly', () => {
    expect(
      issuesOf({
        fallbackOwnerId: 'jane@example.com',
        // What YAML makes of an unquoted id too long for a JavaScript number.
        renewal: YAML.parse('sequenceId: 12345678901234567890') as unknown,
        sender: { userId: 1.5, email: 'csm@example.com' },
      }),
    ).toEqual([
      {
        path: 'plays.fallbackOwnerId',
        message: 'Got "jane@example.com"; use a HubSpot owner id: digits only, e.g. "61234567".',
      },
      {
        path: 'plays.renewal.sequenceId',
        message:
          'Got 12345678901234567000: too long a number to read exactly. Write the sequence\'s id in HubSpot in quotes, e.g. "24680135".',
      },
      {
        path: 'plays.sender.userId',
        message: 'Got 1.5; use the HubSpot user id of the sender: digits only, e.g. "9012345".',
      },
    ]);
  });

  it('rejects managers that are not owner ids', () => {
    expect(issuesOf({ managers: { jane: '70000001', '61234567': 'boss' } })).toEqual([
      {
        path: 'plays.managers.61234567',
        message: 'Got "boss"; use a HubSpot owner id: digits only, e.g. "61234567".',
      },
      {
        path: 'plays.managers.jane',
        message:
          '"jane" is not an owner id. List each owner by their HubSpot owner id (digits only, e.g. "61234567") with their manager\'s id as its value.',
      },
    ]);
    expect(issuesOf({ managers: ['70000001'] })).toEqual([
      {
        path: 'plays.managers',
        message:
          'Got ["70000001"]; give each owner\'s id with their manager\'s id, e.g. { "61234567": "70000001" }.',
      },
    ]);
  });

  it('rejects unknown signals with a did-you-mean, and labels where property names belong', () => {
    expect(
      issuesOf({
        signals: { usage_down50: 'usage_drop_at', budget: 'x', champion_left: 'Champion left' },
      }),
    ).toEqual([
      {
        path: 'plays.signals.champion_left',
        message:
          'Got "Champion left". Use the property\'s internal name (letters, digits and "_", e.g. "product_usage_depth"), not its label.',
      },
      {
        path: 'plays.signals.usage_down50',
        message: '"usage_down50" is not a churn or expansion signal. Did you mean "usage_down_50"?',
      },
      {
        path: 'plays.signals.budget',
        message: '"budget" is not a churn or expansion signal. Did you mean "budget_review"?',
      },
    ]);
    expect(issuesOf({ signals: { zzz: 'x' } })[0]?.message).toMatch(
      /^"zzz" is not a churn or expansion signal\. Use data_export_request, .*, success_milestone\.$/,
    );
    expect(issuesOf({ signals: 'champion_left_at' })).toEqual([
      {
        path: 'plays.signals',
        message:
          'Got "champion_left_at"; give each signal the date property that records when it was last seen, e.g. { champion_left: champion_left_at }.',
      },
    ]);
  });

  it('rejects a misspelt time zone, and suggests timeZone for timezone', () => {
    expect(issuesOf({ timeZone: 'Europe/Berln' })).toEqual([
      {
        path: 'plays.timeZone',
        message:
          'Got "Europe/Berln"; use an IANA time zone such as "Europe/Berlin" or "UTC". Did you mean "Europe/Berlin"?',
      },
    ]);
    expect(issuesOf({ timezone: 'UTC' })).toEqual([
      {
        path: 'plays.timezone',
        message: '"timezone" is not a setting of plays. Did you mean "timeZone"?',
      },
    ]);
  });

  it('rejects counts, hours and days out of range or not whole', () => {
    expect(
      issuesOf({
        dailyTaskCapPerOwner: 0,
        workdayEndHour: 24,
        nextTouchpointDays: 2.5,
        renewal: { offsetDays: '90' },
        paymentRecovery: { highValueMrr: -1 },
      }),
    ).toEqual([
      {
        path: 'plays.dailyTaskCapPerOwner',
        message: 'Got 0; use a whole number of tasks, 1 or more, e.g. 25.',
      },
      {
        path: 'plays.workdayEndHour',
        message:
          "Got 24; use an hour of the day from 0 to 23 in the portal's time zone, e.g. 18 for 6 pm.",
      },
      {
        path: 'plays.nextTouchpointDays',
        message: 'Got 2.5; use a whole number of days, 1 or more, e.g. 7.',
      },
      {
        path: 'plays.renewal.offsetDays',
        message: 'Got "90"; use a whole number of days, 1 or more, e.g. 90.',
      },
      {
        path: 'plays.paymentRecovery.highValueMrr',
        message: 'Got -1; the smallest allowed is 0.',
      },
    ]);
  });

  it('rejects a daily budget that is not a share of the accounts', () => {
    const budget = (value: unknown) => issuesOf({ lifecycle: { dailyTaskBudgetPercent: value } });
    const fix = "use a percentage of the portal's accounts from 0.1 to 100, e.g. 5.";
    expect(budget(0)).toEqual([
      { path: 'plays.lifecycle.dailyTaskBudgetPercent', message: `Got 0; ${fix}` },
    ]);
    expect(budget('5%')).toEqual([
      { path: 'plays.lifecycle.dailyTaskBudgetPercent', message: `Got "5%"; ${fix}` },
    ]);
    expect(budget(150)[0]?.message).toBe(`Got 150; ${fix}`);
    expect(
      resolve({ plays: { lifecycle: { dailyTaskBudgetPercent: 2.5 } } }).plays.lifecycle,
    ).toMatchObject({ dailyTaskBudgetPercent: 2.5 });
  });

  it('rejects a sender email that is not an address, and half a sender', () => {
    expect(issuesOf({ sender: { userId: '9012345', email: 'csm at example' } })).toEqual([
      {
        path: 'plays.sender.email',
        message:
          'Got "csm at example". Use the address of the connected inbox the sender sends from, e.g. "csm@example.com".',
      },
    ]);
    expect(issuesOf({ sender: { email: 'csm@example.com' } })).toEqual([
      {
        path: 'plays.sender',
        message:
          'Got email "csm@example.com" but no userId; give both: HubSpot enrols contacts as a user, who sends from their connected inbox.',
      },
    ]);
  });

  it('rejects a sequence that no sender can enrol into', () => {
    expect(issuesOf({ winBack: { sequenceId: 13579 } })).toEqual([
      {
        path: 'plays.sender',
        message:
          'Got winBack.sequenceId "13579" but no sender; give sender.userId and sender.email, or no contact can be enrolled.',
      },
    ]);
  });

  it('rejects unknown settings in each part of the section with a did-you-mean', () => {
    expect(
      issuesOf({
        renewal: { sequenceID: '1' },
        churn: { property: 'status', equal: 'lost' },
        payment: { failedAt: 'x' },
        dailyCap: 10,
      }),
    ).toEqual([
      {
        path: 'plays.renewal.sequenceID',
        message: '"sequenceID" is not a setting of plays.renewal. Did you mean "sequenceId"?',
      },
      {
        path: 'plays.churn.equal',
        message: '"equal" is not a setting of plays.churn. Did you mean "equals"?',
      },
      {
        path: 'plays.payment.failedAt',
        message: '"failedAt" is not a setting of plays.payment. Did you mean "failedAtProperty"?',
      },
      {
        path: 'plays.dailyCap',
        message:
          '"dailyCap" is not a setting of plays. Use timeZone, fallbackOwnerId, managers, dailyTaskCapPerOwner, workdayStartHour, workdayEndHour, nextTouchpointDays, renewal, winBack, paymentRecovery, sender, disabledRules, enabled, settleAfterSeconds, signals, churn, renewalDateProperty, customerSinceProperty, payment, lifecycle.',
      },
    ]);
  });

  it('rejects disabled rules that are not a list of ids', () => {
    expect(issuesOf({ disabledRules: 'referral_ask' })).toEqual([
      {
        path: 'plays.disabledRules',
        message: 'Got "referral_ask"; give a list of rule ids, e.g. [referral_ask].',
      },
    ]);
    expect(issuesOf({ disabledRules: ['nps-detractor', ' '] })).toEqual([
      {
        path: 'plays.disabledRules[1]',
        message: 'Give a rule id here, or remove the empty entry.',
      },
    ]);
  });
});
