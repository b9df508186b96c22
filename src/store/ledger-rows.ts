import type { PlannedAction } from '../plays/play-types.ts';
import { actionMarker } from './action-marker.ts';
import type { ActionStatus, LedgerEntry } from './store.ts';
import { StoreError } from './store-error.ts';

// The action ledger's rows as both stores read and write them: the same columns, checks and
// errors, so the two can only differ in how they run their statements.

export interface LedgerRow {
  portal: string;
  key: string;
  company_id: string;
  rule_id: string;
  episode: string;
  kind: LedgerEntry['kind'];
  owner_id: string | null;
  status: ActionStatus;
  marker: string;
  payload: string;
  hubspot_id: string | null;
  detail: string | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

export type Settled = Exclude<ActionStatus, 'intent' | 'uncertain'>;

/** A key names its company, rule and episode, optionally with a suffix after them. */
export function checkKey(action: PlannedAction): void {
  const prefix = `${action.companyId}:${action.ruleId}:${action.episode}`;
  if (action.key === prefix || action.key.startsWith(`${prefix}:`)) return;
  throw new StoreError(
    'invalid-input',
    `Action key "${action.key}" must be "${prefix}", optionally followed by ":" and a suffix.`,
  );
}

export function notFound(portal: string, key: string): StoreError {
  return new StoreError('action-not-found', `Portal ${portal} has no action ${key} in its ledger.`);
}

export function notPending(row: LedgerRow, status: Exclude<ActionStatus, 'intent'>): StoreError {
  const id = row.hubspot_id ? ` (HubSpot id ${row.hubspot_id})` : '';
  return new StoreError(
    'action-not-pending',
    `Action ${row.key} is ${row.status}${id}, so it cannot become ${status}: only an intent or an uncertain action can. ` +
      'To act on a held action, record it again, which releases it.',
  );
}

/** What a row of the action is made of, but its status and times. */
export function ledgerParams(portal: string, action: PlannedAction) {
  return {
    portal,
    key: action.key,
    companyId: action.companyId,
    ruleId: action.ruleId,
    episode: action.episode,
    kind: action.kind,
    ownerId: action.kind === 'task' ? action.ownerId : null,
    marker: actionMarker(portal, action.key),
    payload: JSON.stringify(action),
  };
}

export function ledgerEntry(row: LedgerRow): LedgerEntry {
  return {
    portal: row.portal,
    key: row.key,
    companyId: row.company_id,
    ruleId: row.rule_id,
    episode: row.episode,
    kind: row.kind,
    ownerId: row.owner_id,
    status: row.status,
    marker: row.marker,
    action: JSON.parse(row.payload) as PlannedAction,
    hubspotId: row.hubspot_id,
    detail: row.detail,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    doneAt: row.done_at,
  };
}
