import { peakWithin, readingAt, readingsWithin } from './history-readings.ts';
import { daysBefore } from './local-time.ts';
import type { PlayInput } from './play-types.ts';
import type { Trigger, TriggerResult } from './rule-types.ts';
import { shownDate } from './shown-date.ts';
import { atRiskTier, bestTier, tierLabel, worstTier } from './tier-positions.ts';

/** The score is `points` or more below its highest reading of the last `days` days. */
export function scoreDrop(points: number, days: number): Trigger {
  return {
    describe: () => `score falls ${points}+ points within ${days} days`,
    check({ current, history, now, settings }): TriggerResult {
      if (current.score === null) return { why: 'no score yet' };
      const peak = peakWithin(history, now, days);
      if (!peak) return { why: `no earlier score in the last ${days} days to compare with` };
      const fall = peak.score - current.score;
      if (fall < points)
        return {
          why: `${current.score} is ${Math.max(fall, 0)} below the ${days}-day high of ${peak.score}; it takes ${points}`,
        };
      const since = shownDate(peak.scoredAt, settings.timeZone);
      return {
        crossing: true,
        baseline: peak,
        why: `the score fell ${fall} points in ${days} days: ${peak.score} on ${since}, ${current.score} now`,
      };
    },
  };
}

type TierPosition = 'at-risk' | 'worst';

/** The account is in the at-risk (second-worst) or critical (worst) tier. */
export function tierIs(position: TierPosition): Trigger {
  const pick = position === 'worst' ? worstTier : atRiskTier;
  const name = position === 'worst' ? 'critical (the worst tier)' : 'at risk (the second-worst)';
  return {
    describe: () => `tier becomes ${name}`,
    check({ current, tiers }): TriggerResult {
      const tier = pick(tiers);
      if (tier === null) return { why: `the model has no ${name} tier` };
      if (current.tier !== tier)
        return { why: `the tier is ${tierLabel(current.tier)}, not ${tierLabel(tier)}` };
      return { crossing: true, why: `the account is in the ${tierLabel(tier)} tier` };
    },
  };
}

/** In the best tier now after a lower one within the last `days` days. */
export function tierRoseToBest(days: number): Trigger {
  return {
    describe: () => `tier rises to the best tier (healthy) from a lower one`,
    check({ current, tiers, history, now }): TriggerResult {
      const best = bestTier(tiers);
      if (best === null || current.tier !== best)
        return {
          why: `the tier is ${tierLabel(current.tier)}, not ${tierLabel(best ?? 'the best')}`,
        };
      const lower = readingsWithin(history, now, days)
        .filter((point) => isLower(point.tier, best, tiers))
        .at(-1);
      if (!lower) return { why: `${tierLabel(best)}, and no lower tier in the last ${days} days` };
      return {
        crossing: true,
        baseline: lower,
        why: `rose to ${tierLabel(best)} from ${tierLabel(lower.tier)}`,
      };
    },
  };
}

/** The score has been at least `min` at every reading of the last `days` days, and now. */
export function stableAtLeast(min: number, days: number, inWords: string): Trigger {
  return {
    describe: () => `score stays ≥ ${min} for ${inWords}`,
    check({ current, history, now, settings }: PlayInput): TriggerResult {
      if (current.score === null || current.score < min)
        return { why: `the score is ${current.score ?? 'missing'}, below ${min}` };
      // Without a reading from before the window, the history cannot vouch for all of it.
      const atStart = readingAt(history, daysBefore(now, days));
      if (!atStart) return { why: `less than ${inWords} of history to show it` };
      const dip = readingsWithin(history, now, days).find((p) => p.score === null || p.score < min);
      if (dip) {
        const on = shownDate(dip.scoredAt, settings.timeZone);
        return { why: `it was ${dip.score ?? 'missing'} on ${on}` };
      }
      return { crossing: true, baseline: atStart, why: `${min}+ at every reading for ${inWords}` };
    },
  };
}

function isLower(tier: string, best: string, tiers: readonly string[]): boolean {
  return tier !== best && tiers.includes(tier);
}
