import type { Random } from './seeded-random.ts';

/**
 * The items in a seeded order that is never the given one (for two items or more): HubSpot does
 * not promise batch results in input order, so a caller must match them some other way.
 */
export function outOfOrder<T>(items: readonly T[], random: Random): T[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  if (shuffled.length > 1 && shuffled.every((item, i) => item === items[i])) {
    shuffled.push(shuffled.shift() as T);
  }
  return shuffled;
}
