/** `base` plus the calls made since `before` (counters per endpoint, as the gateway keeps them). */
export function apiCallsSince(
  base: Record<string, number>,
  now: Record<string, number>,
  before: Record<string, number>,
): Record<string, number> {
  const sum = { ...base };
  for (const [k, v] of Object.entries(now)) {
    const made = v - (before[k] ?? 0);
    if (made > 0) sum[k] = (sum[k] ?? 0) + made;
  }
  return sum;
}
