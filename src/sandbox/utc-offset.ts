/** A time zone's offset from UTC at one moment, in HubSpot's two forms: "+01:00" and 3600000. */
export function utcOffset(timeZone: string, at: Date): { text: string; ms: number } {
  // "GMT+1", "GMT-03:30", or "GMT" alone for zero.
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name ?? '');
  if (!match) return { text: '+00:00', ms: 0 };
  const [, sign, hours, minutes] = match;
  const ms = (Number(hours) * 60 + Number(minutes)) * 60_000 * (sign === '-' ? -1 : 1);
  return { text: `${sign}${hours}:${minutes}`, ms };
}
