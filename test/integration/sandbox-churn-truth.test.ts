import { describe, expect, it } from 'vitest';
import {
  defaultModelAuc,
  sandboxReadings,
  type PortalReadings,
} from '../support/sandbox-readings.ts';

const NOW = new Date('2026-12-07T10:00:00.000Z');

// Well-mixed seeds: mulberry32 streams from small neighbouring seeds (1, 2, 3 …) are correlated,
// which made portals seeded 1–10 run high together.
const seedOf = (i: number) => Math.imul(i, 0x9e37_79b9) >>> 0;

/**
 * The sandbox's churn history has a known truth: the AUC the default model (whose score drives
 * the churn) reaches on a book far larger than any one portal. Rebuilt from HubSpot-shaped
 * property history, portals of the demo's order of size must find it inside their 95 % interval
 * about as often as such an interval promises.
 */
describe("the sandbox churn history's known truth", () => {
  it('lies inside the AUC interval of 20 portals of 500 companies at least 17 times', async () => {
    const book: PortalReadings[] = [];
    for (let i = 101; i <= 104; i++) book.push(await sandboxReadings(2_000, seedOf(i), NOW));
    const truth = defaultModelAuc(NOW, ...book);
    expect(truth.high - truth.low).toBeLessThan(0.04);
    expect(truth.value).toBeGreaterThan(0.8);
    const samples = [];
    for (let i = 1; i <= 20; i++)
      samples.push(defaultModelAuc(NOW, await sandboxReadings(500, seedOf(i), NOW)));
    const covered = samples.filter((s) => s.low <= truth.value && truth.value <= s.high);
    expect(covered.length, JSON.stringify({ truth, samples })).toBeGreaterThanOrEqual(17);
    // Unbiased as well as covered: the portals' AUCs centre on the truth.
    const mean = samples.reduce((sum, s) => sum + s.value, 0) / samples.length;
    expect(Math.abs(mean - truth.value)).toBeLessThan(0.02);
  }, 120_000);
});
