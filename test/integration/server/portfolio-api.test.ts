import { describe, expect, it } from 'vitest';
import {
  PORTFOLIO_PATH,
  portfolioAnswerSchema,
} from '../../../extensions/app/pages/home-page-contract.ts';
import { call, NOW, store, useCardApiWorld } from './card-api-world.ts';

useCardApiWorld();

describe('GET /api/portfolio after a real run', () => {
  it('computes the view of the last run once, saves it, and answers it: the tiers adding up', async () => {
    // The run itself does not build the view: its memory stays with its chunks.
    expect(await store.portfolioView('sandbox')).toBeNull();
    const answer = await call('GET', PORTFOLIO_PATH);
    expect(answer.status).toBe(200);
    const { view, computedAt } = portfolioAnswerSchema.parse(answer.body);
    expect(computedAt).toBe(NOW.toISOString());
    const accounts = view.tiers.reduce((sum, t) => sum + t.accounts, 0);
    const mrr = view.tiers.reduce((sum, t) => sum + t.mrr, 0);
    expect(accounts).toBe(view.total.accounts);
    expect(mrr).toBeCloseTo(view.total.mrr, 2);
    // The card world's 60 sandbox companies, less any the seed made churned.
    expect(view.total.accounts).toBeGreaterThan(0);
    expect(view.total.accounts).toBeLessThanOrEqual(60);
    expect(view.alerts.rows.length).toBeGreaterThan(0);
    for (const row of view.alerts.rows) expect(row.companyId).toMatch(/^\d+$/);
    expect((await store.portfolioView('sandbox'))?.computedAt).toBe(NOW.toISOString());
    // Later requests read the saved view: the same one, not computed again.
    const again = portfolioAnswerSchema.parse((await call('GET', PORTFOLIO_PATH)).body);
    expect(again).toEqual({
      status: 'ready',
      computedAt,
      view,
      appOrigin: 'https://app.hubspot.com',
    });
  });
});
