import { describe, expect, it } from 'vitest';
import { bodyOf, evaluateInOrder, ownerUpdates, run } from './outcome-views.ts';
import { account, daysAgo, explain, NOW, point, withScore } from './play-input.ts';

const atRisk = explain({
  login_frequency_pct: 20,
  core_features_adopted: 1,
  usage_depth: 'basic',
  checkin_attendance: 'never',
  proactive_requests: 'never',
  reply_time_days: 'none',
  payment_history: 'two_plus_late',
  champion_status: 'weak',
  goal_status: 'behind',
});

describe('the save task', () => {
  it('carries score, change, tier, top drivers, MRR and renewal', () => {
    expect(atRisk.tier).toBe('at_risk');
    const text = bodyOf(
      run({
        current: atRisk,
        history: [point(NOW, 10, 80, 'healthy')],
        account: account({ mrr: 12_500, renewalDate: '2025-04-11' }),
      }),
      'save',
    );
    expect(text).toContain(`Health: ${atRisk.score}/100, at risk (data coverage 100 %)`);
    expect(text).toContain(`down ${80 - atRisk.score!} since 2025-03-02 (80)`);
    const [first] = atRisk.drivers;
    expect(text).toContain(`Costing the most: ${first!.label} (−${Math.round(-first!.impact)})`);
    expect(text).toContain('MRR: $12,500');
    expect(text).toContain('Renewal: 2025-04-11, in 30 days');
  });

  it('says why now from the leading trigger, with the high point a drop is measured from', () => {
    const text = bodyOf(
      run({
        current: withScore(58),
        history: [point(NOW, 20, 80, 'healthy'), point(NOW, 8, 66, 'monitor')],
      }),
      'save',
    );
    expect(text).toMatch(
      /^Why now: the score fell 22 points in 30 days: 80 on 2025-02-20, 58 now\.\n\nWhat to do:\n- Go through usage/,
    );
    // The health line compares with the reading of a week ago.
    expect(text).toContain('58/100, monitor (data coverage 100 %); down 8 since 2025-03-04 (66)');
  });

  it('lists every trigger of the episode with its date and play', () => {
    const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
    const [, second] = evaluateInOrder([
      { account: account({ daysSinceContact: 22 }) },
      { now: day(2), account: account({ daysSinceContact: 24, npsLast: 3, npsAt: daysAgo(-2) }) },
    ]);
    expect(ownerUpdates(second!)[0]?.body).toContain(
      [
        'What happened (since 2025-03-12):',
        '- 2025-03-12: no contact for 22 days — No contact for 3+ weeks: reach them',
        `- 2025-03-14: NPS 3 given on 2025-03-14 — NPS detractor: personal outreach`,
      ].join('\n'),
    );
  });

  it('tells what holds the score down apart from what to do', () => {
    // A detractor's NPS caps the score: a fact for the rep, not one more step.
    const capped = explain({ login_frequency_pct: 20, goal_status: 'behind' }, { nps_last: 3 });
    const held = capped.modifiers.find((m) => m.impact < 0);
    expect(held).toBeDefined();
    const text = bodyOf(
      run({
        current: capped,
        history: [point(NOW, 10, 90, 'healthy')],
        account: account({ npsLast: 3, npsAt: daysAgo(1) }),
      }),
      'save',
    );
    const todo = /What to do:\n((?:- .*\n?)*)/.exec(text)?.[1] ?? '';
    expect(todo).not.toContain('holds the score');
    expect(text).toContain(
      `Holding the score down:\n- ${held!.label} holds the score ${Math.round(-held!.impact)} points down until it changes.`,
    );
  });

  it('holds the save playbook with the likely reason and the segment discount', () => {
    const text = bodyOf(run({ current: atRisk, account: account({ mrr: 8000 }) }), 'save');
    expect(text).toMatch(/Save playbook: stage 1 of 5 \(episode began 2025-03-12\)\./);
    expect(text).toMatch(
      /4\. Intervene \(by 2025-04-11\): the likely reason is low usage \(usage costs \d+ points\)\. Options: a hands-on training/,
    );
    expect(text).toMatch(/Discounts: Enterprise \(over \$5,000 MRR\)/);
  });
});

describe('the renewal and expansion tasks', () => {
  it('leave the save playbook and discounts out', () => {
    const outcome = run({ current: explain(), account: account({ renewalDate: '2025-05-01' }) });
    for (const track of ['renewal', 'expansion'] as const)
      expect(bodyOf(outcome, track)).not.toMatch(/Save playbook|Discounts|discount/);
  });
});
