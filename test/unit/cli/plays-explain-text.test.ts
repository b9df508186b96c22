import { describe, expect, it } from 'vitest';
import { renderPlaysExplain } from '../../../src/cli/plays-explain-text.ts';
import type {
  CompanyPlaysReport,
  ExplainedRule,
  LedgerState,
} from '../../../src/jobs/explain-company-plays.ts';
import type { EnrollAction, TaskAction } from '../../../src/plays/play-types.ts';
import { contact } from '../plays/play-input.ts';

const COMPANY = '31000000001';

function task(ruleId: string, overrides: Partial<TaskAction> = {}): TaskAction {
  return {
    kind: 'task',
    track: 'save',
    ruleId,
    episode: '2026-03-02',
    key: `${COMPANY}:${ruleId}:2026-03-02`,
    companyId: COMPANY,
    ownerId: '61234567',
    route: 'owner',
    priority: 'HIGH',
    type: 'CALL',
    subject: 'Account is critical: escalate to an executive',
    body: '',
    dueAt: '2026-03-03T10:00:00.000Z',
    contactIds: ['52000000003'],
    ...overrides,
  };
}

function enrol(contactId: string, overrides: Partial<EnrollAction> = {}): EnrollAction {
  return {
    kind: 'enroll',
    ruleId: 'renewal-sequence',
    episode: '2026-05-01',
    key: `${COMPANY}:renewal-sequence:2026-05-01:${contactId}`,
    companyId: COMPANY,
    sequence: 'renewal',
    sequenceId: '3100086',
    contactId,
    skip: null,
    ...overrides,
  };
}

function ledger(key: string, overrides: Partial<LedgerState>): LedgerState {
  return {
    key,
    episode: '2026-03-02',
    kind: 'task',
    status: 'done',
    hubspotId: null,
    detail: null,
    updatedAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

function rule(ruleId: string, fired: boolean, why: string, rest: Partial<ExplainedRule> = {}) {
  return { ruleId, section: '§3', title: ruleId, fired, why, actions: [], earlier: [], ...rest };
}

function report(rules: ExplainedRule[]): CompanyPlaysReport {
  return {
    company: {
      id: COMPANY,
      name: 'Bright Media Co.',
      segment: 'mid_market',
      mrr: 4390,
      ownerId: '61234567',
      score: 22,
      tier: 'critical',
      tierLabel: 'Critical',
      coverage: 88,
      churnedAt: null,
      contacts: [
        contact({ id: '52000000003', name: 'Grace Yilmaz' }),
        contact({ id: '52000000005', name: null, email: 'noah@example.com' }),
      ],
    },
    evaluatedAt: '2026-03-02T09:30:00.000Z',
    timeZone: 'Europe/Berlin',
    rules,
    recommendedPlays: 'Critical: executive escalation\nRenewal coming',
  };
}

describe('vitals plays explain, as text', () => {
  it('heads with the company, its score and when the plays were evaluated, in portal time', () => {
    const lines = renderPlaysExplain(report([])).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Bright Media Co. (company 31000000001)',
      '  score 22 (Critical); coverage 88 %; segment mid_market; MRR 4,390; owner 61234567; 2 contacts',
      '  Plays as a run would see them at 2026-03-02 10:30 (Europe/Berlin); nothing was written.',
    ]);
    expect(lines).toContain('Firing now: none.');
    expect(lines).toContain('Not firing: none.');
  });

  it('shows what a firing rule would do, whom it reaches and what the ledger already holds', () => {
    const critical = task('tier-critical');
    const manager = task('tier-critical', {
      key: `${critical.key}:manager`,
      ownerId: '70000001',
      route: 'manager',
      contactIds: [],
    });
    const text = renderPlaysExplain(
      report([
        rule('tier-critical', true, 'the account is in the critical tier', {
          title: 'Critical: executive escalation',
          actions: [
            {
              action: critical,
              unconfigured: null,
              ledger: ledger(critical.key, { hubspotId: '83000000003' }),
            },
            { action: manager, unconfigured: null, ledger: null },
          ],
        }),
      ]),
    );
    expect(text).toContain(
      [
        'Firing now (1)',
        '',
        '  tier-critical — Critical: executive escalation',
        '    why       the account is in the critical tier',
        '    task      HIGH CALL "Account is critical: escalate to an executive" for owner 61234567 (company',
        '              owner), due 2026-03-03 11:00, about Grace Yilmaz (contact 52000000003)',
        '              → task created on 2026-03-02: HubSpot task 83000000003',
        '    task      HIGH CALL "Account is critical: escalate to an executive" for owner 70000001 (owner\'s',
        '              manager), due 2026-03-03 11:00',
        '              → not in the ledger: the next run would do it',
      ].join('\n'),
    );
  });

  it('says why an enrolment would not happen, and each ledger state in words', () => {
    const actions = [
      { action: enrol('52000000003'), unconfigured: 'no sending user is configured', ledger: null },
      {
        action: enrol('52000000005', { skip: 'noah opted out of email' }),
        unconfigured: null,
        ledger: null,
      },
      ...(['skipped', 'held', 'failed', 'intent'] as const).map((status) => {
        const action = enrol(`5200000001${status.length}`);
        const detail = status === 'intent' ? null : `${status} because of reasons`;
        return {
          action,
          unconfigured: null,
          ledger: ledger(action.key, { kind: 'enroll', status, detail }),
        };
      }),
    ];
    const text = renderPlaysExplain(
      report([rule('renewal-sequence', true, 'renewal in 60 days', { actions })]),
    );
    expect(text).toContain(
      '    enrol     Grace Yilmaz (contact 52000000003) in the renewal sequence 3100086',
    );
    expect(text).toContain('→ would not be enrolled: no sending user is configured');
    expect(text).toContain(
      '    enrol     noah@example.com (contact 52000000005) in the renewal sequence',
    );
    expect(text).toContain('→ the next run would skip it: noah opted out of email');
    expect(text).toContain('→ enrolment skipped: skipped because of reasons');
    expect(text).toContain(
      '→ enrolment held back until 2026-03-03 00:00, when the first run makes it: held',
    );
    expect(text).toContain(
      '→ enrolment refused by HubSpot: failed because of reasons; runs do not retry it',
    );
    expect(text).toContain('→ enrolment started but not confirmed (a run stopped)');
  });

  it('lists the rules that do not fire with their reason, and what an earlier episode left', () => {
    const earlier = ledger('k', { hubspotId: '83000000001' });
    const held = ledger('k2', { status: 'held', detail: 'the daily cap is reached' });
    const text = renderPlaysExplain(
      report([
        rule('score-drop-7d', false, 'no earlier score in the last 7 days to compare with'),
        rule('tier-at-risk', false, 'still holds since an earlier run: the account is at risk', {
          earlier: [earlier, held],
        }),
      ]),
    );
    expect(text).toContain(
      [
        'Not firing (2)',
        '',
        '  score-drop-7d  no earlier score in the last 7 days to compare with',
        '  tier-at-risk   still holds since an earlier run: the account is at risk',
        '                 earlier: 2026-03-02 task created on 2026-03-02: HubSpot task 83000000001',
        '                 earlier: 2026-03-02 task held back until 2026-03-03 00:00, when the first run makes',
        '                 it: the daily cap is reached',
        '',
        'health_recommended_plays would read: Critical: executive escalation; Renewal coming',
      ].join('\n'),
    );
  });

  it("tells each track's story: created, held, skipped, dismissed, completed and why", () => {
    const save = task('save-playbook');
    const close = {
      kind: 'task-update' as const,
      track: 'save' as const,
      ruleId: 'save-playbook',
      episode: save.episode,
      key: `${save.key}:close`,
      companyId: COMPANY,
      target: save.key,
      subject: save.subject,
      body: 'Closed by Vitals on 2026-03-02: the account recovered (78, Healthy) and no churn signal holds.\n\nWhy now: tier fell.',
      priority: 'HIGH' as const,
      dueAt: save.dueAt,
      status: 'COMPLETED' as const,
    };
    const renewal = `${COMPANY}:renewal-plan:2026-01-10`;
    const text = renderPlaysExplain(
      report([
        rule('save-playbook', true, 'its episode ends now', {
          actions: [{ action: close, unconfigured: null, ledger: null }],
        }),
        rule('renewal-plan', false, 'open since 2026-01-10', {
          earlier: [
            ledger(`${renewal}:close`, { kind: 'task-update', hubspotId: '83000000009' }),
            ledger(`${renewal}:update:x`, { kind: 'task-update', hubspotId: '83000000009' }),
            ledger(renewal, { hubspotId: '83000000009', updatedAt: '2026-01-10T09:00:00.000Z' }),
          ],
        }),
        rule('expansion-plan', false, 'open since 2026-02-01', {
          earlier: [ledger('e', { status: 'skipped', detail: 'Already so when Vitals started.' })],
        }),
        rule('tier-at-risk', false, 'still holds', {
          earlier: [ledger('d', { status: 'skipped', detail: 'Dismissed: on holiday' })],
        }),
      ]),
      200,
    );
    for (const line of [
      '    update    complete the task "Account is critical: escalate to an executive": the account recovered (78, Healthy) and no churn signal holds',
      '              → not in the ledger: the next run would do it',
      '                  earlier: 2026-03-02 task 83000000009 completed by Vitals on 2026-03-02: its episode ended',
      '                  earlier: 2026-03-02 task 83000000009 rewritten and reopened on 2026-03-02',
      '                  earlier: 2026-03-02 task created on 2026-01-10: HubSpot task 83000000009',
      '                  earlier: 2026-03-02 task skipped: Already so when Vitals started.',
      '                  earlier: 2026-03-02 task dismissed: on holiday',
    ])
      expect(text.split('\n')).toContain(line);
  });
});
