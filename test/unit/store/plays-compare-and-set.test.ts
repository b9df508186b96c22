import { describe, expect, it } from 'vitest';
import type { ActiveRules } from '../../../src/store/store.ts';
import { openTestStore } from './open-test-store.ts';
import { taskAction } from './planned-action.ts';

const T1 = '2025-03-10T12:00:00.000Z';
const T2 = '2025-03-10T12:00:01.000Z';

const evaluation = (evaluatedAt: string, basedOn: string | null | undefined): ActiveRules => ({
  companyId: '101',
  ruleIds: ['tier_critical'],
  evaluatedAt,
  tracks: {},
  ...(basedOn === undefined ? {} : { basedOn }),
});

describe('two evaluations of one company at once', () => {
  it('keep the first one committed; the other, based on what is no longer saved, is dropped whole', async () => {
    const { store, open } = await openTestStore(T1);
    const other = await open();
    // Both started from "never evaluated" and each opened its own episode of the save track.
    const first = await store.commitPlays({
      portal: 'sandbox',
      intents: [taskAction({ episode: '2025-03-10T12:00:00' })],
      active: [evaluation(T1, null)],
    });
    const second = await other.commitPlays({
      portal: 'sandbox',
      intents: [taskAction({ episode: '2025-03-10T12:00:01' })],
      active: [evaluation(T2, null)],
    });
    expect(first.map((r) => r.outcome)).toEqual(['new']);
    expect(second).toEqual([]);
    expect((await store.ledgerForCompany('sandbox', '101')).map((e) => e.key)).toEqual([
      '101:tier_critical:2025-03-10T12:00:00',
    ]);
    expect(await store.playsEvaluatedAt('sandbox', ['101', '102'])).toEqual(new Map([['101', T1]]));
  });

  it('commit an evaluation based on the one saved, and one that names no basis', async () => {
    const { store } = await openTestStore(T1);
    await store.commitPlays({ portal: 'sandbox', intents: [], active: [evaluation(T1, null)] });
    const next = await store.commitPlays({
      portal: 'sandbox',
      intents: [taskAction({ episode: 'next' })],
      active: [evaluation(T2, T1)],
    });
    expect(next).toHaveLength(1);
    const unguarded = await store.commitPlays({
      portal: 'sandbox',
      intents: [taskAction({ episode: 'unguarded' })],
      active: [evaluation('2025-03-10T12:00:02.000Z', undefined)],
    });
    expect(unguarded).toHaveLength(1);
  });

  it('lets exactly one of many racing evaluations through, across processes', async () => {
    const { store, open } = await openTestStore(T1);
    const stores = [store, await open(), await open()];
    const results = await Promise.all(
      stores.map((s, i) =>
        s.commitPlays({
          portal: 'sandbox',
          intents: [taskAction({ episode: `race-${i}` })],
          active: [evaluation(`2025-03-10T12:00:0${i}.000Z`, null)],
        }),
      ),
    );
    expect(results.filter((r) => r.length === 1)).toHaveLength(1);
    expect(await store.ledgerForCompany('sandbox', '101')).toHaveLength(1);
  });
});
