import type { AccountFacts } from '../plays/play-types.ts';

/** The company as a brief names it; its HubSpot id when it has no name. */
export function companyName(account: AccountFacts): string {
  return account.name?.trim() || `company ${account.companyId}`;
}
