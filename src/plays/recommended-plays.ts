import type { PlayRule } from './rule-types.ts';

export const RECOMMENDED_PLAYS_PROPERTY = 'health_recommended_plays';
const SHOWN = 5;

/** health_recommended_plays: the titles of the plays that hold, most urgent first, one a line. */
export function recommendedPlays(rules: readonly PlayRule[]): string {
  if (rules.length === 0) return 'No play needed right now.';
  const lines = rules.slice(0, SHOWN).map((rule) => rule.title);
  if (rules.length > SHOWN) lines.push(`and ${rules.length - SHOWN} more`);
  return lines.join('\n');
}
