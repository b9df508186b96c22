/**
 * "Mar 4, 2026" in the portal's time zone, from an ISO string or epoch milliseconds (HubSpot
 * returns datetime properties either way); null when the value is not a date.
 */
export function formatDate(value: string | null, timeZone: string): string | null {
  if (value === null) return null;
  const time = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(time)) return null;
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone }).format(time);
}
