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

describe("a card's digest", () => {
  const card = (score: number) => ({ score, plays: [] });
  const digest = (score: number) => ({ main: { score }, drivers: [`driver ${score}`] });

  it('is saved and read with its card, and kept when a write leaves the card out', async () => {
    const { store } = await openTestStore();
    await store.putCompanyStates([
      { ...state('1', '70', '2025-03-09T00:00:00Z'), card: card(70), digest: digest(70) },
      {
        ...state('2', '40', '2025-03-09T00:00:00Z'),
        card: card(40),
        digest: { main: 40, drivers: undefined },
      },
    ]);
    await store.putCompanyStates([state('1', '71', '2025-03-10T00:00:00Z')]);
    const found = await store.companyStates('sandbox', ['1', '2']);
    expect(found.get('1')).toMatchObject({ card: card(70), digest: digest(70) });
    // A digest saved without drivers reads back with none.
    expect(found.get('2')?.digest).toEqual({ main: 40, drivers: null });
  });

  it('goes when a new card comes without one, which it no longer describes', async () => {
    const { store } = await openTestStore();
    await store.putCompanyStates([
      { ...state('1', '70', '2025-03-09T00:00:00Z'), card: card(70), digest: digest(70) },
    ]);
    await store.putCompanyStates([{ ...state('1', '50', '2025-03-10T00:00:00Z'), card: card(50) }]);
    const found = (await store.companyStates('sandbox', ['1'])).get('1');
    expect(found?.card).toEqual(card(50));
    expect(found).not.toHaveProperty('digest');
  });

  it('ends, for a company given twice in one write, as two writes one after the other would', async () => {
    const { store } = await openTestStore();
    await store.putCompanyStates([
      { ...state('1', '70', '2025-03-09T00:00:00Z'), card: card(70), digest: digest(70) },
      state('1', '71', '2025-03-10T00:00:00Z'),
      { ...state('2', '40', '2025-03-09T00:00:00Z'), card: card(40), digest: digest(40) },
      { ...state('2', '41', '2025-03-10T00:00:00Z'), card: card(41) },
    ]);
    const found = await store.companyStates('sandbox', ['1', '2']);
    expect(found.get('1')).toEqual({
      ...state('1', '71', '2025-03-10T00:00:00.000Z'),
      card: card(70),
      digest: digest(70),
    });
    expect(found.get('2')).toEqual({
      ...state('2', '41', '2025-03-10T00:00:00.000Z'),
      card: card(41),
    });
  });
});

describe('stores writing company state at once', () => {
  it('never mixes one writer’s card with the other’s digest, nor fails on the overlap', async () => {
    const { store, open } = await openTestStore();
    const other = await open();
    const ids = Array.from({ length: 200 }, (_, i) => String(i));
    const write = (writer: number, round: number): CompanyState[] =>
      // Each writer goes through the companies in its own order.
      (writer === 0 ? ids : [...ids].reverse()).map((id) => ({
        ...state(id, String(writer), `2025-03-10T00:00:0${round}Z`),
        card: { writer, round },
        digest: { main: { writer, round }, drivers: null },
      }));
    for (let round = 0; round < 5; round++)
      await Promise.all([
        store.putCompanyStates(write(0, round)),
        other.putCompanyStates(write(1, round)),
      ]);
    const found = await store.companyStates('sandbox', ids);
    expect(found.size).toBe(200);
    for (const saved of found.values()) expect(saved.digest?.main).toEqual(saved.card);
  });
});
