import type { PlannedAction } from '../../../src/plays/play-types.ts';
import type { LedgerEntry } from '../../../src/store/store.ts';

/** The ledger's entry of `action`, as a run leaves it; tests override what they are about. */
export function ledgerEntry(action: PlannedAction, rest: Partial<LedgerEntry> = {}): LedgerEntry {
  const at = '2025-03-10T12:00:00.000Z';
  return {
    portal: 'sandbox',
    key: action.key,
    companyId: action.companyId,
    ruleId: action.ruleId,
    episode: action.episode,
    kind: action.kind,
    ownerId: action.kind === 'task' ? action.ownerId : null,
    status: 'intent',
    marker: `vt${action.key.length}`,
    action,
    hubspotId: null,
    detail: null,
    createdAt: at,
    updatedAt: at,
    doneAt: null,
    ...rest,
  };
}
