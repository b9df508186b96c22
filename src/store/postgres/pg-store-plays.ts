import { openLifecycleTasks } from '../open-lifecycle-tasks.ts';
import type pg from 'pg';
import { freshPlays } from '../fresh-plays.ts';
import { assertLeaseHeld } from './pg-lease-fence.ts';
import { lockPortalLedger } from './pg-ledger-lock.ts';
import type { Store } from '../store.ts';
import { pgActionLedger, recordIntentRows } from './pg-action-ledger.ts';
import { inTransaction } from './pg-client.ts';
import { pgPlayState, putPlayStateRows } from './pg-play-state.ts';
import { pgTrackAdoption } from './pg-track-adoption.ts';

export type PlaysPart = Pick<
  Store,
  | 'recordIntents'
  | 'commitPlays'
  | 'completeAction'
  | 'skipAction'
  | 'failAction'
  | 'holdAction'
  | 'markUncertain'
  | 'unfinishedActions'
  | 'heldActions'
  | 'tasksCreatedForOwnerSince'
  | 'tasksCreatedSince'
  | 'ledgerForCompany'
  | 'ledgerHas'
  | 'openLifecycleTasks'
  | 'ledgerByCompany'
  | 'activeRules'
  | 'playsEvaluatedAt'
  | 'putActiveRules'
  | 'openTracks'
  | 'signalReadings'
  | 'playsBaselineAt'
  | 'markPlaysBaseline'
  | 'reviseHeldAction'
  | 'adoptTracks'
  | 'playsAdoptedAt'
>;

/** On PostgreSQL: the action ledger, play state and track adoption. */
export function pgPlaysPart(pool: pg.Pool, now: () => Date): PlaysPart {
  const ledger = pgActionLedger(pool, now);
  const plays = pgPlayState(pool);
  const adoption = pgTrackAdoption(pool, now);
  return {
    recordIntents: (portal, actions) => ledger.record(portal, actions),
    // A crash (or a refused row) never leaves a crossing saved as active without its actions.
    commitPlays: (commit) =>
      inTransaction(pool, async (tx) => {
        if (commit.lease) await assertLeaseHeld(tx, commit.lease);
        // The portal's ledger lock first: no other commit can save an evaluation between the
        // check of what is saved and this commit's own.
        await lockPortalLedger(tx, commit.portal);
        const ids = commit.active.map((row) => row.companyId);
        const saved = await pgPlayState(tx).evaluatedAt(commit.portal, ids);
        const { intents, active } = freshPlays(commit, saved);
        const at = now().toISOString();
        const recorded = await recordIntentRows(tx, commit.portal, intents, at);
        await putPlayStateRows(tx, commit.portal, active);
        return recorded;
      }),
    completeAction: (portal, key, id) => ledger.settle(portal, key, 'done', id),
    skipAction: (portal, key, why) => ledger.settle(portal, key, 'skipped', why),
    failAction: (portal, key, error) => ledger.settle(portal, key, 'failed', error),
    holdAction: (portal, key, why) => ledger.settle(portal, key, 'held', why),
    markUncertain: (portal, key, why) => ledger.markUncertain(portal, key, why),
    unfinishedActions: (portal) => ledger.unfinished(portal),
    heldActions: (portal) => ledger.withStatus(portal, 'held'),
    tasksCreatedForOwnerSince: (portal, ownerId, since) =>
      ledger.tasksDoneSince(portal, ownerId, since),
    tasksCreatedSince: (portal, since) => ledger.portalTasksDoneSince(portal, since),
    ledgerForCompany: (portal, companyId) => ledger.forCompany(portal, companyId),
    ledgerHas: (portal, keys) => ledger.has(portal, keys),
    openLifecycleTasks: async (portal, companyIds, ruleIds) =>
      openLifecycleTasks(await ledger.ofRules(portal, companyIds, ruleIds)),
    ledgerByCompany: (portal) => ledger.byCompany(portal),
    activeRules: (portal, ids) => plays.get(portal, ids),
    playsEvaluatedAt: (portal, ids) => plays.evaluatedAt(portal, ids),
    putActiveRules: (portal, rows) => plays.put(portal, rows),
    openTracks: (portal, ids) => plays.tracks(portal, ids),
    signalReadings: (portal, ids) => plays.readings(portal, ids),
    playsBaselineAt: (portal, scope) => plays.baselineAt(portal, scope),
    markPlaysBaseline: (portal, at, scope) => plays.markBaseline(portal, at, scope),
    reviseHeldAction: (portal, key, action) => ledger.revise(portal, key, action),
    adoptTracks: (portal, adoptions, at) => adoption.adopt(portal, adoptions, at),
    playsAdoptedAt: (portal) => adoption.adoptedAt(portal),
  };
}
