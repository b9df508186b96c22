import type { PlaysContext } from './apply-plays.ts';
import { startOfDay } from './owner-day.ts';

type SlotContext = Pick<PlaysContext, 'store' | 'portal' | 'settings' | 'now' | 'ownerDay'>;

/**
 * Takes one of the owner's new-task slots for today (plays.dailyTaskCapPerOwner), false when
 * none is left. The count starts from the tasks the ledger says were created today, read once per
 * owner and run. `force`: the task is past the check already (a crashed run's), only count it.
 * Unassigned tasks have no cap.
 */
export async function takeDailySlot(
  ctx: SlotContext,
  ownerId: string | null,
  force = false,
): Promise<boolean> {
  if (ownerId === null) return true;
  let count = ctx.ownerDay.get(ownerId);
  if (count === undefined) {
    const since = startOfDay(ctx.now, ctx.settings.timeZone);
    count = await ctx.store.tasksCreatedForOwnerSince(ctx.portal, ownerId, since);
  }
  const free = force || count < ctx.settings.dailyTaskCapPerOwner;
  ctx.ownerDay.set(ownerId, free ? count + 1 : count);
  return free;
}
