import type { LedgerEntry } from '../store/store.ts';
import type { PlaysEffect } from './apply-plays.ts';

/** How the run's tally names a ledger entry. */
export function playsEffect(entry: LedgerEntry): PlaysEffect {
  return { companyId: entry.companyId, ruleId: entry.ruleId, key: entry.key };
}
