import type { OpenTracks } from '../plays/play-types.ts';
import { RENEWAL_STEPS, type RenewalStep } from '../reports/report-input.ts';

/** The furthest step of the renewal timeline the open renewal task has reached; null when none. */
export function renewalStepOf(tracks: OpenTracks | undefined): RenewalStep | null {
  const triggers = tracks?.renewal?.triggers ?? [];
  let furthest = -1;
  for (const t of triggers)
    furthest = Math.max(furthest, RENEWAL_STEPS.indexOf(t.ruleId as RenewalStep));
  return furthest < 0 ? null : RENEWAL_STEPS[furthest]!;
}
