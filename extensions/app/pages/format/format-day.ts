/** "Jun 22, 2025" for a calendar date (YYYY-MM-DD): the day itself, in no time zone. */
export function formatDay(date: string): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(time)) return date;
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(time);
}
