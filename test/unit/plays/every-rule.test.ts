import { describe, expect, it } from 'vitest';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import type { PlayInput } from '../../../src/plays/play-types.ts';
import { RULES } from '../../../src/plays/rules.ts';
import { input, NOW, settings } from './play-input.ts';
import { ESCALATIONS, SCENARIOS } from './rule-scenarios.ts';

const withManager = settings({ managers: { o1: 'm1' } });
const run = (over: Partial<PlayInput>) => evaluatePlays(input({ settings: withManager, ...over }));
const of = (ruleId: string, outcome: ReturnType<typeof evaluatePlays>) =>
  outcome.actions.filter((a) => a.ruleId === ruleId);

describe('every rule of the table', () => {
  it('has a scenario here, so no row goes untested', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  describe.each(Object.entries(SCENARIOS))('%s', (ruleId, scenario) => {
    const fired = run(scenario.fires);
    const tasks = of(ruleId, fired).filter((a) => a.kind === 'task');

    it('fires when it should, with actions keyed company:rule:episode', () => {
      expect(fired.verdicts.find((v) => v.ruleId === ruleId)).toMatchObject({ fired: true });
      const actions = of(ruleId, fired);
      expect(actions.length).toBeGreaterThan(0);
      for (const a of actions) expect(a.key.startsWith(`c1:${ruleId}:${a.episode}`)).toBe(true);
    });

    it('stays quiet when it should, and says why', () => {
      const quiet = run(scenario.quiet);
      expect(of(ruleId, quiet)).toEqual([]);
      const verdict = quiet.verdicts.find((v) => v.ruleId === ruleId);
      expect(verdict?.fired).toBe(false);
      expect(verdict?.why.length).toBeGreaterThan(5);
    });

    it(`acts once per ${scenario.once}`, () => {
      const later = new Date(NOW.getTime() + 3_600_000);
      if (scenario.once === 'crossing') {
        expect(fired.active).toContain(ruleId);
        const again = run({
          ...scenario.fires,
          now: later,
          previouslyActive: new Set(fired.active),
        });
        expect(of(ruleId, again)).toEqual([]);
        expect(again.active).toContain(ruleId);
      } else {
        expect(fired.active).not.toContain(ruleId);
        const again = run({ ...scenario.fires, now: later });
        expect(of(ruleId, again).map((a) => a.key)).toEqual(of(ruleId, fired).map((a) => a.key));
      }
    });

    it(`has priority ${scenario.priority} and is due ${scenario.due ?? 'never (enrols only)'}`, () => {
      expect(RULES.find((r) => r.id === ruleId)?.priority).toBe(scenario.priority);
      if (scenario.due === null) return expect(tasks).toEqual([]);
      expect(tasks[0]).toMatchObject({ priority: scenario.priority, dueAt: scenario.due });
    });

    it('goes to the company owner, and to their manager only for escalations', () => {
      const owners = tasks.map((t) => t.kind === 'task' && [t.route, t.ownerId, t.key]);
      if (scenario.due === null) return expect(owners).toEqual([]);
      const own = ['owner', 'o1', expect.not.stringMatching(/:manager$/)];
      const manager = ['manager', 'm1', expect.stringMatching(/:manager$/)];
      expect(owners).toEqual(ESCALATIONS.includes(ruleId) ? [own, manager] : [own]);
    });
  });
});
