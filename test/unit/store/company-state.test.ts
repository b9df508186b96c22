import { describe, expect, it } from 'vitest';
import type { CompanyState } from '../../../src/store/store.ts';
import { openTestStore } from './open-test-store.ts';

const state = (companyId: string, score: string, checkedAt: string): CompanyState => ({
  portal: 'sandbox',
  companyId,
  properties: { health_score: score, health_tier: 'healthy' },
  checkedAt,
});

describe('company state', () => {
  it('gives back the properties last written for each company of a page', async () => {
    const { store } = await openTestStore();
    await store.putCompanyStates([
      state('1', '70', '2025-03-09T00:00:00Z'),
      state('2', '40', '2025-03-09T00:00:00Z'),
    ]);
    const found = await store.companyStates('sandbox', ['1', '2', '3']);
    expect([...found.keys()].sort()).toEqual(['1', '2']);
    expect(found.get('1')).toEqual(state('1', '70', '2025-03-09T00:00:00.000Z'));
  });

  it('replaces a company state instead of adding a second one', async () => {
    const { store } = await openTestStore();
    await store.putCompanyStates([state('1', '70', '2025-03-09T00:00:00Z')]);
    await store.putCompanyStates([state('1', '71', '2025-03-10T00:00:00Z')]);
    const found = await store.companyStates('sandbox', ['1']);
    expect(found.get('1')).toMatchObject({
      properties: { health_score: '71' },
      checkedAt: '2025-03-10T00:00:00.000Z',
    });
  });

  it("keeps the card's snapshot, and keeps the last one when a write leaves it out", async () => {
    const { store } = await openTestStore();
    const card = { score: 70, plays: [{ id: 'tier-at-risk' }] };
    await store.putCompanyStates([{ ...state('1', '70', '2025-03-09T00:00:00Z'), card }]);
    expect((await store.companyStates('sandbox', ['1'])).get('1')?.card).toEqual(card);
    await store.putCompanyStates([state('1', '70', '2025-03-10T00:00:00Z')]);
    const found = (await store.companyStates('sandbox', ['1'])).get('1');
    expect(found).toMatchObject({ checkedAt: '2025-03-10T00:00:00.000Z', card });
  });

  it('keeps portals apart', async () => {
    const { store } = await openTestStore();
    await store.putCompanyStates([{ ...state('1', '70', '2025-03-09T00:00:00Z'), portal: '42' }]);
    expect((await store.companyStates('sandbox', ['1'])).size).toBe(0);
    expect((await store.companyStates('42', ['1'])).size).toBe(1);
  });
});
