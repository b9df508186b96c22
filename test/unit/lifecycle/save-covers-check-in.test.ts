import { describe, expect, it } from 'vitest';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import type { PlayOutcome } from '../../../src/plays/play-types.ts';
import { withScore } from '../plays/play-input.ts';
import {
  atDayEdge,
  episodeOf,
  facts,
  madeBy,
  plus,
  scenarioInput,
  whyOf,
} from './lifecycle-input.ts';

const ZONE = 'Europe/Berlin';
const LAST = '2025-03-03';
const id = 'cadence-check-in';

/** An enterprise account at risk, `days` after the touch on `touched`, after `before`. */
function atRiskDay(touched: string, days: number, before?: PlayOutcome): PlayOutcome {
  const input = scenarioInput({
    zone: ZONE,
    start: '2024-01-01',
    today: plus(touched, days),
    lifecycle: facts({ lastTouchAt: atDayEdge(touched, ZONE) }),
    current: withScore(40),
  });
  return evaluatePlays(
    before ? { ...input, tracks: before.tracks, previouslyActive: new Set(before.active) } : input,
  );
}

describe('the save task and the check-in', () => {
  it('makes no check-in beside a save task made since the last touch', () => {
    // Seven days after the last touch, at risk: the tier alarm opens the save task now.
    const outcome = atRiskDay(LAST, 7);
    expect(outcome.tracks.save?.task).toBe(true);
    expect(madeBy(outcome, id)).toEqual([]);
    expect(whyOf(outcome, id)).toMatch(
      /the save task of .* covers the call until a touch is logged/,
    );
  });

  it('makes the weekly check-in again once a touch is logged after the save task', () => {
    const opened = atRiskDay(LAST, 7);
    const touched = plus(LAST, 8);
    const quiet = atRiskDay(touched, 6, opened);
    expect(quiet.tracks.save?.task).toBe(true);
    expect(episodeOf(quiet, id)).toBeNull();
    expect(episodeOf(atRiskDay(touched, 7, opened), id)).toBe(plus(touched, 7));
  });
});
