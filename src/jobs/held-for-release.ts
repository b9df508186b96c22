import { RULES } from '../plays/rules.ts';
import type { LedgerEntry } from '../store/store.ts';
import type { PlaysContext } from './apply-plays.ts';
import { startOfDay } from './owner-day.ts';
import { releasedAction } from './released-action.ts';

export const LAPSED_REASON = 'its condition no longer held when its turn came';

const RULE_EPISODES = new Map(RULES.map((r) => [r.id, r.episode]));

/**
 * The held tasks whose turn comes in this run: those held on an earlier day (portal time), oldest
 * first, each with its action as it will go out (see releasedAction). A crossing whose condition
 * stopped holding while its task waited (contact made, tier recovered) no longer needs the task:
 * the last run's active rules say which still hold, and those that do not are `lapsed`.
 */
export async function heldForRelease(
  ctx: PlaysContext,
): Promise<{ release: LedgerEntry[]; lapsed: LedgerEntry[] }> {
  const today = startOfDay(ctx.now, ctx.settings.timeZone);
  const due = (await ctx.store.heldActions(ctx.portal)).filter((e) => e.updatedAt < today);
  if (due.length === 0) return { release: [], lapsed: [] };
  const active = await ctx.store.activeRules(ctx.portal, [...new Set(due.map((e) => e.companyId))]);
  const release: LedgerEntry[] = [];
  const lapsed: LedgerEntry[] = [];
  for (const entry of due) {
    const gone =
      RULE_EPISODES.get(entry.ruleId) === 'crossing' &&
      !(active.get(entry.companyId)?.has(entry.ruleId) ?? true);
    if (gone) lapsed.push(entry);
    else release.push({ ...entry, action: releasedAction(entry.action, ctx.now, ctx.settings) });
  }
  return { release, lapsed };
}
