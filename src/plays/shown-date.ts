import { localDate, parseInstant } from './local-time.ts';

/**
 * An instant as the date the portal's users would name (YYYY-MM-DD, their time zone). A date
 * property's value (HubSpot keeps it as midnight UTC of the date) is that date wherever the portal
 * is: west of UTC it would otherwise read as the day before.
 */
export function shownDate(iso: string, timeZone: string): string {
  const at = parseInstant(iso);
  if (!at) return iso;
  if (at.getTime() % 86_400_000 === 0) return at.toISOString().slice(0, 10);
  return localDate(at, timeZone);
}
