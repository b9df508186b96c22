import { describe, expect, it } from 'vitest';
import {
  episodeOf,
  evaluate,
  madeBy,
  plus,
  atDayEdge,
  whyOf,
  ZONES,
  type Scenario,
} from './lifecycle-input.ts';

const START = '2025-03-03';

/** The onboarding plan: each step's day, and the day the next step takes over. */
const MILESTONES = [
  ['onboarding-kickoff', 0, 3],
  ['onboarding-quick-win', 3, 7],
  ['onboarding-week-1-check-in', 7, 14],
  ['onboarding-first-result', 14, 30],
  ['onboarding-day-30-review', 30, 60],
  ['onboarding-day-60-review', 60, 90],
  ['onboarding-graduation', 90, 104],
] as const;

describe.each(ZONES)('the onboarding milestones in %s', (zone) => {
  const onDay = (day: number, over: Partial<Scenario> = {}) =>
    evaluate({ zone, start: START, today: plus(START, day), ...over });

  it('counts days from the local date the account signed, not the UTC one', () => {
    // The signing instant falls on another UTC date: counting in UTC would shift every step.
    expect(atDayEdge(START, zone).slice(0, 10)).not.toBe(START);
    expect(episodeOf(onDay(0), 'onboarding-kickoff')).toBe(START);
  });

  it.each(MILESTONES)('%s fires on day %i with the start date + day as episode', (id, day) => {
    const outcome = onDay(day);
    expect(episodeOf(outcome, id)).toBe(plus(START, day));
    expect(whyOf(outcome, id)).toBe(`day ${day} of onboarding (the account started on ${START})`);
    const [task] = madeBy(outcome, id);
    expect(task).toMatchObject({
      kind: 'task',
      track: 'lifecycle',
      key: `c1:${id}:${plus(START, day)}`,
      ownerId: 'o1',
      route: 'owner',
      contactIds: ['k1'],
    });
    expect(madeBy(outcome, id)).toHaveLength(1);
  });

  it.each(MILESTONES)(
    '%s (day %i) is caught up to the day before day %i, then not',
    (id, day, next) => {
      if (day > 0) {
        const early = onDay(day - 1);
        expect(episodeOf(early, id)).toBeNull();
        expect(whyOf(early, id)).toBe(
          `day ${day - 1} of onboarding; this step comes on ${plus(START, day)}`,
        );
      }
      expect(episodeOf(onDay(next - 1), id)).toBe(plus(START, day));
      const late = onDay(next);
      expect(episodeOf(late, id)).toBeNull();
      expect(whyOf(late, id)).toBe(
        `day ${next} of onboarding: this step was due on ${plus(START, day)}, a later one now`,
      );
    },
  );

  it('gives each step one key over the whole plan: a daily run makes each once', () => {
    const keys = new Map<string, Set<string>>();
    for (let day = -3; day <= 120; day++) {
      const outcome = onDay(day);
      for (const [id] of MILESTONES)
        for (const a of madeBy(outcome, id)) keys.set(id, (keys.get(id) ?? new Set()).add(a.key));
    }
    expect(Object.fromEntries([...keys].map(([id, set]) => [id, [...set]]))).toEqual(
      Object.fromEntries(MILESTONES.map(([id, day]) => [id, [`c1:${id}:${plus(START, day)}`]])),
    );
  });

  it('takes the local date of `now`: late in the evening is still that day', () => {
    // 23:30 on day 2 in Los Angeles is already day 3 in UTC; 00:30 on day 3 in Berlin is still
    // day 2 in UTC. Either way the portal's own calendar decides.
    expect(episodeOf(onDay(2, { time: '23:30' }), 'onboarding-quick-win')).toBeNull();
    expect(episodeOf(onDay(3, { time: '00:30' }), 'onboarding-quick-win')).toBe(plus(START, 3));
  });

  it('waits for an account that becomes a customer later', () => {
    const outcome = evaluate({ zone, start: START, today: plus(START, -1) });
    expect(episodeOf(outcome, 'onboarding-kickoff')).toBeNull();
    expect(whyOf(outcome, 'onboarding-kickoff')).toBe(`the account becomes a customer on ${START}`);
  });

  it('says why when no start date is mapped, and when HubSpot holds none', () => {
    const unmapped = evaluate({ zone, today: START });
    expect(episodeOf(unmapped, 'onboarding-kickoff')).toBeNull();
    expect(whyOf(unmapped, 'onboarding-kickoff')).toMatch(/no start date is mapped/);
    const empty = evaluate({ zone, today: START, start: null });
    expect(episodeOf(empty, 'onboarding-kickoff')).toBeNull();
    expect(whyOf(empty, 'onboarding-kickoff')).toMatch(/HubSpot holds no date/);
  });
});
