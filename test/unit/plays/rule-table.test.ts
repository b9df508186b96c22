import { describe, expect, it } from 'vitest';
import { describeRules } from '../../../src/plays/describe-rules.ts';
import { CHURN_SIGNALS } from '../../../src/plays/play-types.ts';
import { RULES } from '../../../src/plays/rules.ts';
import { settings } from './play-input.ts';

describe('the rule table', () => {
  it('has unique kebab-case ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has one row per churn signal of DOMAIN §4, named after it', () => {
    for (const signal of CHURN_SIGNALS)
      expect(RULES.find((r) => r.id === signal.replaceAll('_', '-'))?.section).toMatch(/§4/);
  });

  it('gives every row that makes a task a due time, and none to rows that only enrol', () => {
    for (const rule of RULES) {
      const makesTask = rule.actions.some((a) => a.kind === 'task');
      expect(rule.due === null, rule.id).toBe(!makesTask);
    }
  });
});

describe('describeRules', () => {
  const described = describeRules(
    settings({
      nextTouchpointDays: 5,
      renewal: { sequenceId: null, offsetDays: 60 },
      disabledRules: ['budget-review'],
    }),
  );
  const row = (id: string) => described.find((d) => d.id === id);

  it('describes every rule of the table', () => {
    expect(described.map((d) => d.id)).toEqual(RULES.map((r) => r.id));
    for (const d of described)
      for (const field of ['title', 'trigger', 'episode', 'applies', 'actions', 'routing'] as const)
        expect(d[field], `${d.id}.${field}`).not.toBe('');
  });

  it('puts a row in words, with the settings that shape it', () => {
    expect(row('tier-critical')).toEqual({
      id: 'tier-critical',
      section: '§3',
      title: 'Critical: executive escalation',
      trigger: 'tier becomes critical (the worst tier)',
      episode: 'once per crossing',
      applies: 'customers',
      actions:
        'CALL task "Account is critical: escalate to an executive" about champions, decision makers and executive sponsors (else the primary contacts), as the account\'s one save task (with the save playbook): created, or updated when open',
      priority: 'HIGH',
      due: '24 h (outside Mon–Fri 08:00–17:00: the next business morning)',
      routing: "company owner (else fallback), and the owner's manager",
      enabled: true,
    });
    expect(row('competitor-mentioned')?.due).toBe(
      'next touchpoint (5 days; outside Mon–Fri 08:00–17:00: the next business morning)',
    );
    expect(row('renewal-red-alert')).toMatchObject({
      trigger: 'renewal date 0–7 days away (once per renewal date)',
      due: 'same day (by 17:00; from 15:00 or on a weekend, the next business morning at 08:00)',
      routing: "company owner (else fallback), and the owner's manager",
    });
    expect(row('renewal-review')?.actions).toMatch(/as the account's one renewal task: created/);
    expect(row('usage-near-limit')?.actions).toMatch(/as the account's one expansion task/);
    expect(row('no-contact-3-weeks')?.due).toBe('5 business days (by 17:00)');
    // offsetDays 60: the sequence starts 60 days out, with two weeks' slack for a late first run.
    expect(row('renewal-sequence')).toMatchObject({
      trigger: 'renewal date 46–60 days away (once per renewal date)',
      applies: 'customers; segments enterprise, mid_market, smb',
      actions:
        'enrol champions and decision makers (else the primary contacts) in the renewal sequence',
      due: '—',
      routing: '—',
    });
    expect(row('usage-near-limit')?.applies).toBe(
      'customers; segments enterprise, mid_market, smb; best tier only',
    );
    expect(row('win-back')).toMatchObject({
      applies: 'churned accounts',
      trigger: 'the account churned, up to 30 days ago (once per churn)',
    });
    expect(row('champion-left')?.episode).toBe('once per reported event, else once per crossing');
  });

  it('marks the rules the admin switched off', () => {
    expect(row('budget-review')?.enabled).toBe(false);
    expect(described.filter((d) => !d.enabled)).toHaveLength(1);
  });
});
