import { SANDBOX_DEFAULTS } from './sandbox-defaults.ts';
import { seededRandom } from './seeded-random.ts';

/** How long a write takes to reach search: each write draws its own lag in [minMs, maxMs]. */
export interface SearchIndexLag {
  minMs: number;
  maxMs: number;
  /** Seeds the draws: the same portal and write always get the same lag. */
  seed: number;
}

/** A fixed lag in ms (0: search sees every write at once), or a range drawn per write. */
export type SearchIndexLagOption = number | { min: number; max: number };

/** Checks the option and fills in HubSpot's few seconds when it is absent. */
export function searchIndexLag(
  option: SearchIndexLagOption | undefined,
  seed: number,
): SearchIndexLag {
  const range = option ?? SANDBOX_DEFAULTS.searchIndexLagMs;
  const { min, max } = typeof range === 'number' ? { min: range, max: range } : range;
  const valid = (ms: number) => Number.isInteger(ms) && ms >= 0 && ms <= 600_000;
  if (!valid(min) || !valid(max) || min > max) {
    throw new Error(
      `searchIndexLagMs must be whole milliseconds from 0 to 600000 (min ≤ max), got ${JSON.stringify(range)}`,
    );
  }
  return { minMs: min, maxMs: max, seed };
}

/** The lag of the write that property_history row `seq` starts, drawn from the portal's seed. */
export function writeLagMs(lag: SearchIndexLag, seq: number): number {
  if (lag.maxMs === lag.minMs) return lag.minMs;
  return seededRandom((lag.seed ^ Math.imul(seq, 0x9e3779b1)) >>> 0).int(lag.minMs, lag.maxMs);
}
