import type { ChampionSource } from '../config/signal-source-schema.ts';
import { readProperty, type HubSpotRecord } from './hubspot-record.ts';

export type ChampionStatus = 'strong' | 'left' | 'unknown';

/**
 * "strong" when a contact with the role is still there, "left" when every contact with the role
 * has left the company, "unknown" when no contact has the role.
 */
export function championStatus(
  source: ChampionSource,
  contacts: readonly HubSpotRecord[],
): ChampionStatus {
  let found = false;
  for (const contact of contacts) {
    if (!hasRole(readProperty(contact, source.roleProperty), source.role)) continue;
    found = true;
    if (!source.leftProperty || !isTrue(readProperty(contact, source.leftProperty)))
      return 'strong';
  }
  return found ? 'left' : 'unknown';
}

/** The values championStatus can give with this source. */
export function championValues(source: ChampionSource): ChampionStatus[] {
  return source.leftProperty ? ['strong', 'left', 'unknown'] : ['strong', 'unknown'];
}

/** hs_buying_role is a multi-select: values joined by ";". */
function hasRole(value: string | null, role: string): boolean {
  return value !== null && value.split(';').some((r) => r.trim() === role);
}

export function isTrue(value: string | null): boolean {
  return value !== null && value.toLowerCase() === 'true';
}
