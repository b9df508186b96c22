import { distance } from 'fastest-levenshtein';

/** The known name a mistyped one most likely meant, if any is close enough to suggest. */
export function closestMatch(name: string, known: readonly string[]): string | null {
  if (name.trim() === '') return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const contains = known.find((k) => k.includes(name) || name.includes(k));
  if (best !== null && bestDistance <= Math.max(2, Math.floor(best.length / 3))) return best;
  return contains ?? null;
}
