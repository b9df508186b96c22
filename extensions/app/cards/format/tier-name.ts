/** A tier key from the health_tier property as words: "at_risk" → "At risk". */
export function tierName(key: string): string {
  if (key === 'unknown') return 'No data';
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
