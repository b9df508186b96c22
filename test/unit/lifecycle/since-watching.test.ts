import { describe, expect, it } from 'vitest';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import {
  atDayEdge,
  facts,
  lifecycleOnly,
  localInstant,
  plus,
  scenarioInput,
  whyOf,
} from './lifecycle-input.ts';

const ZONE = 'America/Los_Angeles';
const START = '2025-03-03';
const DAY_7 = plus(START, 7);

/** Day 7 of onboarding: its check-in (dated day 7), no sponsor (day 7), a QBR in 10 days. */
function day7(lifecycleSince: string | null | undefined) {
  const input = scenarioInput({
    zone: ZONE,
    start: START,
    today: DAY_7,
    lifecycle: facts({
      lastLoginAt: atDayEdge(plus(START, 1), ZONE),
      qbr: { next: plus(DAY_7, 10), last: null },
    }),
    account: { npsLast: 9, npsAt: atDayEdge(plus(DAY_7, -2), ZONE) },
  });
  return evaluatePlays(lifecycleSince === undefined ? input : { ...input, lifecycleSince });
}

const keys = (actions: readonly Parameters<typeof lifecycleOnly>[0][number][]) =>
  lifecycleOnly(actions).map((a) => a.key);

describe('when Vitals started watching the lifecycle plays', () => {
  it('on the pass that starts watching, records what is dated today or later and drops the rest', () => {
    const outcome = day7(null);
    expect(keys(outcome.actions)).toEqual([]);
    // Day 7's steps and the coming QBR would otherwise come due later: recorded, not acted on.
    expect(keys(outcome.baselined)).toEqual([
      `c1:onboarding-week-1-check-in:${DAY_7}`,
      `c1:onboarding-no-sponsor:${DAY_7}`,
      `c1:qbr-prep:${plus(DAY_7, 10)}:note`,
      `c1:qbr-prep:${plus(DAY_7, 10)}`,
    ]);
    // The promoter's answer two days ago is old news: neither acted on nor recorded.
    expect(whyOf(outcome, 'nps-promoter')).toMatch(/already so when Vitals started watching/);
  });

  it('afterwards, acts on what is dated from that day on and leaves what came before', () => {
    const yesterday = localInstant(plus(DAY_7, -1), '07:00', ZONE).toISOString();
    const outcome = day7(yesterday);
    expect(keys(outcome.baselined)).toEqual([]);
    expect(keys(outcome.actions)).toEqual([
      `c1:onboarding-week-1-check-in:${DAY_7}`,
      `c1:onboarding-no-sponsor:${DAY_7}`,
      `c1:qbr-prep:${plus(DAY_7, 10)}:note`,
      `c1:qbr-prep:${plus(DAY_7, 10)}`,
    ]);
    // Answered the day before Vitals started watching.
    expect(whyOf(outcome, 'nps-promoter')).toMatch(
      new RegExp(`from before Vitals started watching on ${plus(DAY_7, -1)}`),
    );
  });

  it('acts as before when no start is given (callers that predate it)', () => {
    expect(keys(day7(undefined).actions)).toContain(
      `c1:nps-promoter:${atDayEdge(plus(DAY_7, -2), ZONE).replace(/\.\d{3}Z$/, '.000Z')}`,
    );
  });
});
