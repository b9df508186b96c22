import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { CardSnapshot } from '../../../src/jobs/card-snapshot.ts';
import { companyCard, tenths } from '../../../src/server/company-card.ts';
import { openTestStore } from '../store/open-test-store.ts';

const NOW = '2025-03-10T12:00:00.000Z';

const snapshot = (dimensions: CardSnapshot['dimensions']): CardSnapshot => ({
  companyId: '7',
  name: 'Acme',
  state: 'scored',
  score: 47,
  tier: { key: 'at_risk', label: 'At risk', color: 'orange' },
  change7d: null,
  coverage: 38,
  missing: [],
  dimensions,
  drivers: [],
  levers: [],
  plays: [],
  scoredAt: NOW,
  model: 'retention-os v1',
});

describe('the card API rounds dimension scores like the score', () => {
  it('sends each dimension to one decimal, half up, as the run saved it unrounded', async () => {
    const { store } = await openTestStore(NOW);
    const card = snapshot([
      // (7 + 4 + 3) / 3, as the engine's floats have it.
      { key: 'usage', label: 'Usage', score: 14 / 3, weight: 30 },
      // (7 + 7 + 7 + 6) / 4 = 6.75, a tie, summed as the engine does it: 6.749999999999999.
      {
        key: 'engagement',
        label: 'Engagement',
        score: 10 * [7, 7, 7, 6].reduce((m, p) => m + p / 10 / 4, 0),
        weight: 25,
      },
      { key: 'financial', label: 'Financial', score: null, weight: 20 },
      { key: 'outcome', label: 'Outcome', score: 10, weight: 10 },
    ]);
    await store.putCompanyStates([
      { portal: 'sandbox', companyId: '7', properties: {}, checkedAt: NOW, card },
    ]);
    const deps = { store, portal: 'sandbox', log: pino({ level: 'silent' }), plays: null };
    const { dimensions } = await companyCard({ ...deps, now: () => new Date(NOW) }, '7');
    expect(dimensions.map((d) => d.score)).toEqual([4.7, 6.8, null, 10]);
  });

  it('rounds half up, never down on float error', () => {
    expect([0.05, 2.25, 9.95, 4.649, 6.749999999999999, 0].map(tenths)).toEqual([
      0.1, 2.3, 10, 4.6, 6.8, 0,
    ]);
  });
});
