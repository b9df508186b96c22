const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const EPOCH_MS = /^\d{10,14}$/;

/**
 * Milliseconds since the epoch for a HubSpot date ("2025-03-01", midnight UTC), datetime
 * (ISO 8601; no zone means UTC) or epoch-milliseconds value; null when it is none of these.
 */
export function parseTimestamp(text: string): number | null {
  if (EPOCH_MS.test(text)) return Number(text);
  const date = DATE_ONLY.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const ms = Date.UTC(year, month - 1, day);
    // Date.UTC rolls 2025-02-30 over to March; a real date survives the round trip.
    const back = new Date(ms);
    return back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms : null;
  }
  if (!DATE_TIME.test(text)) return null;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? null : ms;
}
