import type { PlaysCommit } from './store.ts';

/**
 * The part of a plays commit still based on what is saved: companies whose evaluation started
 * from another saved evaluation than the one there now (another process evaluated them
 * meanwhile) are dropped with their intents; that process's evaluation stands. Rows without
 * basedOn are kept as they are.
 */
export function freshPlays(
  commit: PlaysCommit,
  saved: ReadonlyMap<string, string>,
): Pick<PlaysCommit, 'intents' | 'active'> {
  const stale = new Set(
    commit.active
      .filter(
        (row) => row.basedOn !== undefined && (saved.get(row.companyId) ?? null) !== row.basedOn,
      )
      .map((row) => row.companyId),
  );
  if (stale.size === 0) return commit;
  return {
    intents: commit.intents.filter((action) => !stale.has(action.companyId)),
    active: commit.active.filter((row) => !stale.has(row.companyId)),
  };
}
