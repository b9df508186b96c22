import type { AccountFacts, PlaySettings, TaskAction } from './play-types.ts';

export interface OwnerRoute {
  ownerId: string | null;
  route: TaskAction['route'];
}

/** The company owner; without one the configured fallback, which may be nobody. */
export function routeOwner(account: AccountFacts, settings: PlaySettings): OwnerRoute {
  if (account.ownerId !== null) return { ownerId: account.ownerId, route: 'owner' };
  return { ownerId: settings.fallbackOwnerId, route: 'fallback' };
}

/** The manager an escalation also goes to, or null when none is mapped (then it is skipped). */
export function managerOf(ownerId: string | null, settings: PlaySettings): string | null {
  if (ownerId === null) return null;
  const manager = settings.managers[ownerId];
  return manager !== undefined && manager !== ownerId ? manager : null;
}
