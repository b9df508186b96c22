import { lifecycleSettings } from '../lifecycle/lifecycle-settings-of.ts';
import type { TaskAction } from '../plays/play-types.ts';
import type { PlaysContext, PlaysEffect } from './apply-plays.ts';
import type { PassResults } from './pass-over-companies.ts';
import { applyPlays } from './apply-plays.ts';
import { startOfDay } from './owner-day.ts';
import { taskUrgency } from './task-urgency.ts';

/** What the budget let through and what waits, with the words the summary shows. */
export interface LifecycleTurns {
  take: TaskAction[];
  wait: (PlaysEffect & { reason: string })[];
}

/**
 * Planned work takes what the alarms leave of the portal's day: the new Vitals tasks of a day,
 * alarms included, stay within `percent` of the accounts (at least one a day, so a small portal
 * still gets its check-ins). The most urgent go first, then the earliest due; the others are
 * not recorded and come on a later day while their window holds.
 */
export function lifecycleTurns(
  queue: readonly TaskAction[],
  day: { accounts: number; createdToday: number; percent: number },
): LifecycleTurns {
  const budget = Math.max(1, Math.floor((day.accounts * day.percent) / 100));
  const free = Math.max(0, budget - day.createdToday);
  const ordered = [...queue].sort(
    (a, b) =>
      taskUrgency(a) - taskUrgency(b) ||
      a.dueAt.localeCompare(b.dueAt) ||
      a.key.localeCompare(b.key),
  );
  const reason =
    `waits for a quieter day: ${day.createdToday} new Vitals tasks today already fill this ` +
    `portal's day (plays.lifecycle.dailyTaskBudgetPercent: ${day.percent} % of ` +
    `${day.accounts} accounts, ${budget} a day)`;
  return {
    take: ordered.slice(0, free),
    wait: ordered.slice(free).map((t) => ({
      companyId: t.companyId,
      ruleId: t.ruleId,
      key: t.key,
      reason,
    })),
  };
}

/**
 * The pass's lifecycle tasks, after every alarm of the pass is made: those the day's budget
 * leaves room for are recorded and made as any plan's tasks are (owners' caps included); the
 * others are listed as waiting. Answers what was taken, for a dry run to list.
 */
export async function takeLifecycleTurns(
  ctx: PlaysContext,
  queue: readonly TaskAction[],
  accounts: number,
): Promise<TaskAction[]> {
  if (queue.length === 0) return [];
  const turns = await turnsOfDay(ctx, queue, accounts, 0);
  if (turns.length === 0) return [];
  const recorded = await ctx.store.commitPlays({
    portal: ctx.portal,
    intents: turns,
    active: [],
    ...(ctx.lease ? { lease: ctx.lease } : {}),
  });
  await applyPlays(ctx, recorded);
  return turns;
}

/**
 * After a pass over `accounts` companies: its queued lifecycle tasks take their turns. A dry run
 * lists what the real run would make, counting the tasks its own plan makes today.
 */
export async function passLifecycleTurns(results: PassResults, accounts: number): Promise<void> {
  const ctx = results.playsCtx;
  const queue = results.lifecycleQueue;
  if (!ctx || queue.length === 0) return;
  if (!results.preview) {
    await takeLifecycleTurns(ctx, queue, accounts);
    return;
  }
  const planned = results.planned.filter((s) => s.kind === 'task' && !s.heldBack).length;
  const take = await turnsOfDay(ctx, queue, accounts, planned);
  const { steps } = await results.preview.chunk(take, []);
  results.planned.push(...steps);
}

async function turnsOfDay(
  ctx: PlaysContext,
  queue: readonly TaskAction[],
  accounts: number,
  notYetInLedger: number,
): Promise<TaskAction[]> {
  // The plays plan an episode's task on every evaluation while it is due; the ledger keeps it once.
  const known = await ctx.store.ledgerHas(
    ctx.portal,
    queue.map((t) => t.key),
  );
  const fresh = queue.filter((t) => !known.has(t.key));
  if (fresh.length === 0) return [];
  const createdToday = await ctx.store.tasksCreatedSince(
    ctx.portal,
    startOfDay(ctx.now, ctx.settings.timeZone),
  );
  const turns = lifecycleTurns(fresh, {
    accounts,
    createdToday: createdToday + notYetInLedger,
    percent: lifecycleSettings(ctx.settings).dailyTaskBudgetPercent,
  });
  ctx.tally.waiting.push(...turns.wait);
  return turns.take;
}
