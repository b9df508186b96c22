import { describe, expect, it } from 'vitest';
import {
  atDayEdge,
  evaluate,
  facts,
  firedOf,
  madeBy,
  plus,
  whyOf,
  ZONES,
  type Scenario,
} from './lifecycle-input.ts';

const TODAY = '2025-03-12';
const RULES = ['nps-promoter', 'nps-passive', 'nps-detractor-escalation'] as const;

describe.each(ZONES)('NPS follow-up in %s', (zone) => {
  const answeredAt = atDayEdge(plus(TODAY, -2), zone);
  const answered = (npsLast: number, over: Partial<Scenario> = {}) =>
    evaluate({
      zone,
      start: '2024-01-08',
      today: TODAY,
      ...over,
      account: { npsLast, npsAt: answeredAt, ...over.account },
    });
  const firing = (npsLast: number) => RULES.filter((id) => firedOf(answered(npsLast), id));

  it.each([
    [10, ['nps-promoter']],
    [9, ['nps-promoter']],
    [8, ['nps-passive']],
    [7, ['nps-passive']],
    [6, []],
    [4, []],
    [3, ['nps-detractor-escalation']],
    [0, ['nps-detractor-escalation']],
  ])('an answer of %i fires %j', (score, rules) => {
    expect(firing(score)).toEqual(rules);
  });

  it('asks a promoter for advocacy, keyed on the survey time', () => {
    const outcome = answered(9);
    expect(madeBy(outcome, 'nps-promoter')).toEqual([
      expect.objectContaining({
        kind: 'task',
        key: `c1:nps-promoter:${answeredAt}`,
        episode: answeredAt,
        ownerId: 'o1',
        type: 'EMAIL',
      }),
    ]);
    expect(whyOf(outcome, 'nps-promoter')).toMatch(/^NPS 9 \(promoter\) given on /);
  });

  it('calls a passive within 48 hours', () => {
    expect(madeBy(answered(7), 'nps-passive')).toEqual([
      expect.objectContaining({
        key: `c1:nps-passive:${answeredAt}`,
        type: 'CALL',
        priority: 'MEDIUM',
        ownerId: 'o1',
      }),
    ]);
  });

  it('ignores an answer older than 30 days, and one without a date', () => {
    const old = answered(9, { account: { npsAt: atDayEdge(plus(TODAY, -31), zone) } });
    expect(madeBy(old, 'nps-promoter')).toEqual([]);
    expect(whyOf(old, 'nps-promoter')).toMatch(/more than 30 days ago/);
    const undated = answered(9, { account: { npsAt: null } });
    expect(madeBy(undated, 'nps-promoter')).toEqual([]);
    expect(whyOf(undated, 'nps-promoter')).toMatch(/without a survey date/);
  });

  describe('an answer of 0 to 3', () => {
    const id = 'nps-detractor-escalation';
    const escalated = (accountExecutiveId: string | null, managers: Record<string, string>) =>
      answered(2, {
        lifecycle: facts({ accountExecutiveId }),
        settings: { managers },
      });
    const recipients = (outcome: ReturnType<typeof escalated>) =>
      madeBy(outcome, id).map((a) => [a.key, a.kind === 'task' ? a.route : null, a.ownerId]);

    it("escalates to the owner's manager and the account executive, each with a key", () => {
      const outcome = escalated('ae1', { o1: 'm1' });
      expect(recipients(outcome)).toEqual([
        [`c1:${id}:${answeredAt}:manager`, 'manager', 'm1'],
        [`c1:${id}:${answeredAt}:account-executive`, 'account-executive', 'ae1'],
      ]);
      expect(madeBy(outcome, id)).toEqual([
        expect.objectContaining({ priority: 'HIGH', type: 'TODO' }),
        expect.objectContaining({ priority: 'HIGH', type: 'TODO' }),
      ]);
      // The owner's own call comes from the save track's nps-detractor play.
      expect(outcome.tracks.save?.triggers.map((t) => t.ruleId)).toContain('nps-detractor');
    });

    it('gives the owner the escalation, saying why, when neither a manager nor an account executive is known', () => {
      const outcome = escalated(null, {});
      expect(recipients(outcome)).toEqual([[`c1:${id}:${answeredAt}`, 'owner', 'o1']]);
      const task = outcome.actions.find((a) => a.kind === 'task' && a.ruleId === id);
      expect(task?.kind === 'task' && task.body).toMatch(
        /^No manager \(plays\.managers\) or account executive .* so this escalation comes to you\./,
      );
    });

    it('skips the account executive who owns the account, or who is the manager', () => {
      expect(recipients(escalated('o1', { o1: 'm1' }))).toEqual([
        [`c1:${id}:${answeredAt}:manager`, 'manager', 'm1'],
      ]);
      expect(recipients(escalated('m1', { o1: 'm1' }))).toEqual([
        [`c1:${id}:${answeredAt}:manager`, 'manager', 'm1'],
      ]);
      expect(recipients(escalated('ae1', {}))).toEqual([
        [`c1:${id}:${answeredAt}:account-executive`, 'account-executive', 'ae1'],
      ]);
    });
  });
});
