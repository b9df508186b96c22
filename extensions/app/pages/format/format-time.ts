/** "Jun 2, 2025, 8:00 AM" in the portal's time zone; null when the value is not a time. */
export function formatTime(value: string | null, timeZone: string): string | null {
  const time = value === null ? NaN : Date.parse(value);
  if (!Number.isFinite(time)) return null;
  return new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(time);
}
