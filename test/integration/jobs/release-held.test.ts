import { describe, expect, it } from 'vitest';
import type { TaskInput } from '../../../src/hubspot/create-tasks.ts';
import {
  applyPlays,
  emptyPlaysTally,
  releaseHeld,
  type PlaysContext,
} from '../../../src/jobs/apply-plays.ts';
import type { PlaySettings } from '../../../src/plays/play-types.ts';
import { openTestStore } from '../../unit/store/open-test-store.ts';
import { taskAction } from '../../unit/store/planned-action.ts';

const SETTINGS = { timeZone: 'UTC', dailyTaskCapPerOwner: 1 } as PlaySettings;
const DAY = 24 * 3600_000;

async function setup() {
  const { store, clock } = await openTestStore('2025-03-10T09:00:00.000Z');
  const created: TaskInput[] = [];
  const context = (): PlaysContext => ({
    gateway: {
      createTasks: async (tasks) => {
        created.push(...tasks);
        return {
          created: tasks.map((t, i) => ({
            id: `t${created.length + i}`,
            traceId: t.traceId,
            body: null,
          })),
          errors: [],
        };
      },
      findTasksByMarker: async () => new Map(),
      enrollInSequence: async () => {
        throw new Error('not used');
      },
      currentEnrollment: async () => null,
    },
    store,
    portal: 'sandbox',
    settings: SETTINGS,
    now: clock.now(),
    tally: emptyPlaysTally(),
    ownerDay: new Map(),
  });
  return { store, clock, created, context };
}

describe('tasks held back by the daily cap', () => {
  it('go out the next day most urgent first, unless their condition stopped holding', async () => {
    const { store, clock, created, context } = await setup();
    const low = taskAction({ companyId: '1', ruleId: 'no-contact-3-weeks', priority: 'LOW' });
    const high = taskAction({ companyId: '2', ruleId: 'no-contact-3-weeks', priority: 'HIGH' });
    const lapsing = taskAction({ companyId: '3', ruleId: 'no-contact-3-weeks', priority: 'HIGH' });
    const first = context();
    await applyPlays(first, await store.recordIntents('sandbox', [low, high, lapsing]));
    // Cap 1: the HIGH one of the first two goes out; the others wait.
    expect(created.map((t) => t.traceId)).toEqual([high.key]);
    expect(first.tally.heldBack.map((h) => h.key).sort()).toEqual([lapsing.key, low.key].sort());

    await store.putActiveRules('sandbox', [
      { companyId: '1', ruleIds: ['no-contact-3-weeks'], evaluatedAt: clock.now().toISOString() },
      { companyId: '3', ruleIds: [], evaluatedAt: clock.now().toISOString() },
    ]);
    clock.advance(DAY);
    const next = context();
    await releaseHeld(next);
    expect(created.map((t) => t.traceId)).toEqual([high.key, low.key]);
    expect(next.tally.skipped).toEqual([
      expect.objectContaining({ key: lapsing.key, reason: expect.stringContaining('no longer') }),
    ]);
    const [entry] = (await store.ledgerForCompany('sandbox', '3')).filter(
      (e) => e.key === lapsing.key,
    );
    expect(entry?.status).toBe('skipped');
  });

  it('stay held on the day they were held', async () => {
    const { store, created, context } = await setup();
    const a = taskAction({ companyId: '1', ruleId: 'no-contact-3-weeks' });
    const b = taskAction({ companyId: '2', ruleId: 'no-contact-3-weeks' });
    await applyPlays(context(), await store.recordIntents('sandbox', [a, b]));
    await releaseHeld(context());
    expect(created).toHaveLength(1);
  });
});
