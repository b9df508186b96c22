import { describe, expect, it } from 'vitest';
import {
  PORTFOLIO_PATH,
  portfolioAnswerSchema,
} from '../../../extensions/app/pages/home-page-contract.ts';
import { call, NOW, store, useCardApiWorld } from './card-api-world.ts';

useCardApiWorld();

describe('GET /api/portfolio after a real run', () => {
  it('answers the view the run saved: every company in one tier, the tiers adding up', async () => {
    const saved = await store.portfolioView('sandbox');
    expect(saved?.computedAt).toBe(NOW.toISOString());
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
  });
});
