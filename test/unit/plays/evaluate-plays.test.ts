import { describe, expect, it } from 'vitest';
import type { TaskAction } from '../../../src/plays/play-types.ts';
import { RULES } from '../../../src/plays/rules.ts';
import {
  evaluateInOrder,
  ownerTasks,
  ownerUpdates,
  run,
  verdictOf,
  work,
} from './outcome-views.ts';
import { account, daysAgo, explain, NOW, settings, withScore } from './play-input.ts';
import { IN_24H, SAME_DAY } from './scenario-dues.ts';

const tasks = (outcome: ReturnType<typeof run>) =>
  outcome.actions.filter((a): a is TaskAction => a.kind === 'task');
const critical = withScore(10);
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

describe('evaluatePlays', () => {
  it('gives a verdict with a reason for every rule of the table, in table order', () => {
    const outcome = run({});
    expect(outcome.verdicts.map((v) => v.ruleId)).toEqual(RULES.map((r) => r.id));
    for (const v of outcome.verdicts) expect(v.why).not.toBe('');
  });

  describe('owner routing', () => {
    it('falls back to settings.fallbackOwnerId for an account without owner', () => {
      const outcome = run({
        current: critical,
        account: account({ ownerId: null }),
        settings: settings({ fallbackOwnerId: 'f1', managers: { f1: 'boss' } }),
      });
      expect(tasks(outcome).map((t) => [t.ruleId, t.route, t.ownerId])).toEqual([
        ['save-playbook', 'fallback', 'f1'],
        ['save-playbook', 'manager', 'boss'],
      ]);
    });

    it('leaves the task unassigned when there is no fallback either, and escalates to nobody', () => {
      const outcome = run({ current: critical, account: account({ ownerId: null }) });
      expect(tasks(outcome).map((t) => [t.route, t.ownerId])).toEqual([['fallback', null]]);
    });

    it('skips the manager copy silently when the owner has no manager mapped', () => {
      const outcome = run({ current: critical, settings: settings({ managers: { other: 'm' } }) });
      expect(tasks(outcome).map((t) => t.route)).toEqual(['owner']);
    });

    it("heads the manager's copy with who owns the account", () => {
      const outcome = run({ current: critical, settings: settings({ managers: { o1: 'm1' } }) });
      const copy = tasks(outcome).find((t) => t.route === 'manager');
      expect(copy?.key).toBe('c1:save-playbook:2025-03-12T10:00:00:manager');
      expect(copy?.subject).toMatch(/^Escalation: /);
      expect(copy?.body).toMatch(/^Escalation: the account owner \(HubSpot owner o1\)/);
    });
  });

  it('drops the rules in settings.disabledRules, saying so, and leaves them out of active', () => {
    const outcome = run({
      current: critical,
      settings: settings({ disabledRules: ['tier-critical'] }),
    });
    expect(work(outcome)).toEqual([]);
    expect(outcome.tracks).toEqual({});
    expect(outcome.active).not.toContain('tier-critical');
    expect(verdictOf(outcome, 'tier-critical')?.why).toBe('switched off in the settings');
  });

  it('lists every crossing that holds in active, fired or not, and no events', () => {
    const busy = account({ daysSinceContact: 30, npsLast: 2, npsAt: daysAgo(1) });
    const first = run({ current: critical, account: { ...busy, npsLast: null, npsAt: null } });
    expect(first.active).toEqual(['tier-critical', 'no-contact-3-weeks']);
    const again = run({
      current: critical,
      account: busy,
      previouslyActive: new Set(first.active),
      tracks: first.tracks,
    });
    expect(again.active).toEqual(first.active);
    expect(verdictOf(again, 'nps-detractor')?.fired).toBe(true);
    // Only the NPS answer is new: it updates the save task the first run made.
    expect(again.tracks.save?.triggers.map((t) => t.ruleId)).toEqual([
      'tier-critical',
      'no-contact-3-weeks',
      'nps-detractor',
    ]);
    expect(ownerTasks(again)).toEqual([]);
    expect(ownerUpdates(again).map((u) => u.target)).toEqual([
      'c1:save-playbook:2025-03-12T10:00:00',
    ]);
  });

  it('fires a crossing again after its condition stopped holding, in a new save episode', () => {
    const [first, recovered, relapse] = evaluateInOrder([
      { current: critical },
      { now: day(3), current: withScore(60) },
      { now: day(5), current: critical },
    ]);
    expect(recovered!.active).not.toContain('tier-critical');
    expect(ownerUpdates(recovered!)[0]).toMatchObject({
      target: ownerTasks(first!)[0]!.key,
      status: 'COMPLETED',
    });
    expect(ownerTasks(relapse!).map((t) => t.key)).toEqual([
      'c1:save-playbook:2025-03-17T10:00:00',
    ]);
  });

  it('leads the save task with the most urgent trigger, due by the earliest due time', () => {
    const outcome = run({
      current: critical,
      account: account({
        daysSinceContact: 30,
        paymentFailures: 1,
        observed: { budget_review: daysAgo(1), data_export_request: daysAgo(1) },
      }),
    });
    const [task] = ownerTasks(outcome);
    expect(task).toMatchObject({ priority: 'HIGH', dueAt: SAME_DAY });
    expect(task?.subject).toBe('They asked to export their data: call today — Acme');
    // A critical account alone is due in 24 h: the export request brings it forward.
    expect(ownerTasks(run({ current: critical }))[0]?.dueAt).toBe(IN_24H);
    const property = outcome.actions.at(-1);
    expect(property?.kind === 'property' && property.value.split('\n')).toEqual([
      'Data export request: call today', // HIGH, today 17:00
      'Critical: executive escalation', // HIGH, 24 h
      'Budget review: make the value case', // MEDIUM, 1 week
      'No contact for 3+ weeks: reach them', // MEDIUM, 5 business days (17:00 on the 19th)
    ]);
  });

  describe('health_recommended_plays', () => {
    it('lists the titles of every play that holds now, most urgent first', () => {
      const first = run({ current: critical, account: account({ daysSinceContact: 30 }) });
      const again = run({
        current: critical,
        account: account({ daysSinceContact: 30 }),
        previouslyActive: new Set(first.active),
      });
      const property = again.actions.at(-1);
      expect(property).toEqual({
        kind: 'property',
        ruleId: 'recommended-plays',
        episode: 'current',
        key: 'c1:recommended-plays:current',
        companyId: 'c1',
        property: 'health_recommended_plays',
        value: 'Critical: executive escalation\nNo contact for 3+ weeks: reach them',
      });
    });

    it('is written as a plain sentence when nothing is needed', () => {
      expect(run({}).actions).toEqual([
        expect.objectContaining({ kind: 'property', value: 'No play needed right now.' }),
      ]);
    });

    it('shows five titles and counts the rest', () => {
      const observed = {
        data_export_request: daysAgo(1),
        cancellation_terms_asked: daysAgo(1),
        budget_review: daysAgo(1),
        competitor_mentioned: daysAgo(1),
        stakeholder_change: daysAgo(1),
        scope_cut_request: daysAgo(1),
        ticket_spike_then_silence: daysAgo(1),
      };
      const value = run({ account: account({ observed }) }).actions.at(-1);
      expect(value?.kind === 'property' && value.value.split('\n')).toEqual([
        expect.any(String),
        expect.any(String),
        expect.any(String),
        expect.any(String),
        expect.any(String),
        'and 2 more',
      ]);
    });
  });

  it('handles an account with no score: no score plays, facts-based plays still run', () => {
    const empty = { ...explain(), score: null, tier: 'unknown', drivers: [] };
    const outcome = run({ current: empty, account: account({ daysSinceContact: 40 }) });
    expect(tasks(outcome).map((t) => t.subject)).toEqual([
      'No contact in 3 weeks: try every channel — Acme',
    ]);
    expect(tasks(outcome)[0]?.body).toContain('Health: no score yet (no data)');
  });
});
