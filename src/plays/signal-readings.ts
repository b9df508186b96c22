import { daysBefore, parseInstant } from './local-time.ts';
import type { PlayInput, SignalReadings } from './play-types.ts';

/**
 * The signals some plays read as a change (more billing-page visits, usage halved), kept as one
 * reading a week so a play compares the account with itself rather than with a fixed level.
 */
export const CHANGE_SIGNALS = ['billing_page_visits_30d', 'dau_mau_pct'] as const;
// Six days, not seven: a weekly schedule that runs a little early still takes its sample.
const SAMPLE_DAYS = 6;
const KEEP_DAYS = 70;

/** The readings after this evaluation: this week's value added, readings past ten weeks gone. */
export function nextReadings(input: PlayInput): SignalReadings {
  const next: SignalReadings = {};
  const oldest = daysBefore(input.now, KEEP_DAYS).toISOString();
  const lastWeek = daysBefore(input.now, SAMPLE_DAYS).toISOString();
  for (const key of CHANGE_SIGNALS) {
    const kept = (input.readings[key] ?? []).filter((r) => r.at >= oldest);
    const value = input.current.signals.find((s) => s.key === key)?.value;
    const last = kept.at(-1);
    if (typeof value === 'number' && (last === undefined || last.at <= lastWeek))
      kept.push({ at: input.now.toISOString(), value });
    if (kept.length > 0) next[key] = kept;
  }
  return next;
}

/** The latest reading at least `days` days old, or null when the store has none that old. */
export function readingFrom(
  input: PlayInput,
  key: string,
  days: number,
): { at: string; value: number } | null {
  const cutoff = daysBefore(input.now, days);
  const older = (input.readings[key] ?? []).filter((r) => {
    const at = parseInstant(r.at);
    return at !== null && at <= cutoff;
  });
  return older.at(-1) ?? null;
}
