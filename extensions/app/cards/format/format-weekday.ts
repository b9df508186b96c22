/** "Tue, Mar 10" in the portal's time zone; null when the value is not a date. */
export function formatWeekday(value: string | null, timeZone: string): string | null {
  const time = value === null ? NaN : Date.parse(value);
  if (!Number.isFinite(time)) return null;
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone,
  }).format(time);
}
