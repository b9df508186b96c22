import { localDate, parseInstant } from './local-time.ts';

/** An instant as the date the portal's users would name (YYYY-MM-DD, their time zone). */
export function shownDate(iso: string, timeZone: string): string {
  const at = parseInstant(iso);
  return at ? localDate(at, timeZone) : iso;
}
