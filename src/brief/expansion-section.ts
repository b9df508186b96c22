import type { BriefInput } from './brief-input.ts';
import type { BriefSection } from './brief-types.ts';
import { capitalize, tierName } from './brief-words.ts';
import { leverLine } from './lever-words.ts';
import { LOOKBACK_DAYS, seenSignals } from './seen-signals.ts';

/** Whether the account sits in the model's best tier: the only tier expansion plays run in. */
export function inBestTier(input: BriefInput): boolean {
  return input.current.score !== null && input.current.tier === input.tiers[0]?.key;
}

/** Growth signals of the quarter, whether the account is healthy enough, and where points are. */
export function expansionSection(input: BriefInput): BriefSection {
  const { current, tiers } = input;
  const seen = seenSignals(input.account, 'expansion', input.now, input.timeZone);
  const lines = seen.map((s) => `${capitalize(s.words)} (${s.on}).`);
  if (lines.length === 0)
    lines.push(`No expansion signals seen in the last ${LOOKBACK_DAYS} days.`);
  const best = tiers[0];
  if (best && inBestTier(input)) {
    lines.push(`In the best tier (${best.label}): ready for a growth conversation.`);
  } else if (best && current.score === null) {
    lines.push(
      `No score yet: Vitals holds expansion plays until the account is scored ${best.label}.`,
    );
  } else if (best) {
    lines.push(
      `Not in the best tier (${tierName(tiers, current.tier)} now, ${best.label} is the best): Vitals holds expansion plays until it is.`,
    );
  }
  lines.push(...current.levers.map((l) => `Most to gain: ${leverLine(l)}`));
  return { key: 'expansion', heading: 'Expansion signals', lines };
}
