import { daysBetween, parseInstant } from './local-time.ts';
import { shownDate } from './shown-date.ts';

/** Observations older than this are history, not news: they fire nothing on a first run. */
export const RECENT_DAYS = 30;

export type RecentEvent = { episode: string; on: string } | { why: string };

/**
 * An observed moment as an event: its episode is the instant itself (normalised, so the same
 * observation always gives the same key), while it is no older than RECENT_DAYS.
 */
export function recentEvent(
  iso: string | null | undefined,
  now: Date,
  timeZone: string,
): RecentEvent {
  const at = parseInstant(iso);
  if (iso && !at) return { why: `unreadable date "${iso}"` };
  if (!at) return { why: 'not observed' };
  const on = shownDate(at.toISOString(), timeZone);
  if (daysBetween(at, now) > RECENT_DAYS)
    return { why: `last seen on ${on}, more than ${RECENT_DAYS} days ago` };
  return { episode: at.toISOString(), on };
}
