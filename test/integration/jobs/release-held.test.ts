import { describe, expect, it } from 'vitest';
import type { TaskInput } from '../../../src/hubspot/create-tasks.ts';
import type { TaskUpdate } from '../../../src/hubspot/update-tasks.ts';
import { applyPlays, emptyPlaysTally, type PlaysContext } from '../../../src/jobs/apply-plays.ts';
import { releaseHeld } from '../../../src/jobs/release-held.ts';
import type { PlaySettings } from '../../../src/plays/play-types.ts';
import { openTestStore } from '../../unit/store/open-test-store.ts';
import { taskAction, taskUpdateAction } from '../../unit/store/planned-action.ts';

const SETTINGS = {
  timeZone: 'UTC',
  dailyTaskCapPerOwner: 1,
  workdayStartHour: 8,
  workdayEndHour: 18,
} as PlaySettings;
const DAY = 24 * 3600_000;

async function setup() {
  const { store, clock } = await openTestStore('2025-03-10T09:00:00.000Z');
  const created: TaskInput[] = [];
  const updated: TaskUpdate[] = [];
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
      updateTasks: async (updates) => {
        updated.push(...updates);
        return { updated: updates.map((u) => ({ id: u.id })), errors: [] };
      },
      findTasksByMarker: async () => new Map(),
      enrollInSequence: async () => {
        throw new Error('not used');
      },
      currentEnrollment: async () => null,
      createNotes: async () => {
        throw new Error('not used');
      },
      findNotesByMarker: async () => new Map(),
    },
    store,
    portal: 'sandbox',
    settings: SETTINGS,
    now: clock.now(),
    tally: emptyPlaysTally(),
    ownerDay: new Map(),
  });
  /** Applies the actions as a run does: recorded first, then acted on. */
  const apply = async (ctx: PlaysContext, actions: Parameters<typeof store.recordIntents>[1]) =>
    applyPlays(ctx, await store.recordIntents('sandbox', actions));
  const entry = async (companyId: string, key: string) =>
    (await store.ledgerForCompany('sandbox', companyId)).find((e) => e.key === key);
  return { store, clock, created, updated, context, apply, entry };
}

// Cap 1 for the owner: `first` takes the day's slot, `waiting` is held.
const first = taskAction({ companyId: '1', ruleId: 'save-playbook', priority: 'HIGH' });
const waiting = taskAction({ companyId: '2', ruleId: 'save-playbook', priority: 'LOW' });

describe('tasks held back by the daily cap', () => {
  it('go out the next day most urgent first, and not on the day they were held', async () => {
    const { clock, created, context, apply } = await setup();
    const renewal = taskAction({ companyId: '3', ruleId: 'renewal-plan', priority: 'MEDIUM' });
    const held = context();
    await apply(held, [waiting, first, renewal]);
    expect(created.map((t) => t.traceId)).toEqual([first.key]);
    expect(held.tally.heldBack.map((h) => h.key).sort()).toEqual([renewal.key, waiting.key].sort());
    // Monday 09:00 UTC: released from the first run on Tuesday.
    expect(held.tally.heldBack[0]).toMatchObject({
      ownerId: waiting.ownerId,
      reason: expect.stringContaining('plays.dailyTaskCapPerOwner'),
      releaseAt: '2025-03-11T00:00:00.000Z',
    });
    await releaseHeld(context());
    expect(created).toHaveLength(1);

    clock.advance(DAY);
    await releaseHeld(context());
    expect(created.map((t) => t.traceId)).toEqual([first.key, renewal.key]);
  });

  it('take a later trigger of their track into the task they will create', async () => {
    const { clock, created, updated, context, apply, entry } = await setup();
    await apply(context(), [first, waiting]);
    const update = taskUpdateAction({
      target: waiting.key,
      subject: 'They asked to export their data: call today — Acme',
      body: 'Why now: they asked to export their data.',
      priority: 'HIGH',
      dueAt: '2025-03-11T17:00:00.000Z',
    });
    const later = context();
    await apply(later, [update]);
    expect(updated).toEqual([]);
    expect(await entry('2', update.key)).toMatchObject({
      status: 'skipped',
      detail: 'folded into its task, which still waits for its turn',
    });
    expect(await entry('2', waiting.key)).toMatchObject({
      status: 'held',
      action: { subject: update.subject, priority: 'HIGH', dueAt: update.dueAt },
    });

    clock.advance(DAY);
    await releaseHeld(context());
    const sent = created.find((t) => t.traceId === waiting.key);
    expect(sent?.properties).toMatchObject({
      hs_task_subject: update.subject,
      hs_task_priority: 'HIGH',
      hs_timestamp: update.dueAt,
    });
    expect(sent?.properties.hs_task_body).toContain('they asked to export their data');
  });

  it('go out due at the next business time when their due time passed while they waited', async () => {
    const { clock, created, context, apply, entry } = await setup();
    // Due Monday 17:00; released Tuesday 09:00 (today, by 18:00) and Friday 17:00 (too late in
    // the day: Monday morning).
    const overdue = taskAction({ companyId: '2', dueAt: '2025-03-10T17:00:00.000Z' });
    const weekend = taskAction({ companyId: '3', dueAt: '2025-03-10T17:00:00.000Z' });
    await apply(context(), [first, overdue]);
    clock.advance(DAY);
    await releaseHeld(context());
    expect(created.find((t) => t.traceId === overdue.key)?.properties.hs_timestamp).toBe(
      '2025-03-11T18:00:00.000Z',
    );
    expect((await entry('2', overdue.key))?.action).toMatchObject({
      dueAt: '2025-03-11T18:00:00.000Z',
    });

    await apply(context(), [weekend]);
    clock.advance(3 * DAY + 8 * 3600_000);
    await releaseHeld(context());
    expect(created.find((t) => t.traceId === weekend.key)?.properties.hs_timestamp).toBe(
      '2025-03-17T08:00:00.000Z',
    );
  });

  it('keep the due time they were planned with while it is still ahead', async () => {
    const { clock, created, context, apply } = await setup();
    const ahead = taskAction({ companyId: '2', dueAt: '2025-03-12T12:00:00.000Z' });
    await apply(context(), [first, ahead]);
    clock.advance(DAY);
    await releaseHeld(context());
    expect(created.find((t) => t.traceId === ahead.key)?.properties.hs_timestamp).toBe(
      '2025-03-12T12:00:00.000Z',
    );
  });

  it('are dropped with the reason when their episode ends while they wait', async () => {
    const { clock, created, updated, context, apply, entry } = await setup();
    await apply(context(), [first, waiting]);
    const close = taskUpdateAction({
      target: waiting.key,
      suffix: 'close',
      status: 'COMPLETED',
      body: 'Closed by Vitals on 2025-03-10: the account recovered (score 74, healthy) and no churn signal holds.\n\nWhy now: …',
    });
    const ending = context();
    await apply(ending, [close]);
    expect(updated).toEqual([]);
    expect(await entry('2', waiting.key)).toMatchObject({
      status: 'skipped',
      detail:
        'Its episode ended before its turn came: the account recovered (score 74, healthy) and no churn signal holds.',
    });
    expect(await entry('2', close.key)).toMatchObject({ status: 'skipped' });

    clock.advance(DAY);
    await releaseHeld(context());
    expect(created.map((t) => t.traceId)).toEqual([first.key]);
  });

  it('held before tracks existed (one rule, one task) are dropped once the rule stops holding', async () => {
    const { store, clock, created, context, apply, entry } = await setup();
    const high = taskAction({ companyId: '1', ruleId: 'no-contact-3-weeks', priority: 'HIGH' });
    const low = taskAction({ companyId: '2', ruleId: 'no-contact-3-weeks', priority: 'LOW' });
    const lapsing = taskAction({ companyId: '3', ruleId: 'no-contact-3-weeks', priority: 'LOW' });
    await apply(context(), [low, high, lapsing]);
    await store.putActiveRules('sandbox', [
      { companyId: '2', ruleIds: ['no-contact-3-weeks'], evaluatedAt: clock.now().toISOString() },
      { companyId: '3', ruleIds: [], evaluatedAt: clock.now().toISOString() },
    ]);
    clock.advance(DAY);
    const next = context();
    await releaseHeld(next);
    expect(created.map((t) => t.traceId)).toEqual([high.key, low.key]);
    expect(next.tally.skipped).toEqual([
      expect.objectContaining({ key: lapsing.key, reason: expect.stringContaining('no longer') }),
    ]);
    expect((await entry('3', lapsing.key))?.status).toBe('skipped');
  });
});
