import { ApiError } from './api-error.ts';
import type { CardApiDeps } from './card-api-deps.ts';
import { findPlay } from './find-play.ts';
import { playActions, playEntries } from '../jobs/play-ledger.ts';
import { DISMISSED, isDismissal } from '../jobs/play-status.ts';

type Deps = Pick<CardApiDeps, 'store' | 'portal' | 'log'>;

/**
 * Dismisses a play: each of its tasks and enrolments not yet done is recorded in the ledger
 * and skipped with "Dismissed: <reason>", so no later run (nor a release of held work) makes
 * it. Dismissing again is harmless; a play whose task exists is refused (409).
 */
export async function dismissPlay(
  deps: Deps,
  companyId: string,
  playId: string,
  reason: string,
): Promise<void> {
  const { play, ledger } = await findPlay(deps, companyId, playId);
  const task = playEntries(play, ledger).find((e) => e.kind === 'task' && e.status === 'done');
  if (task) {
    throw new ApiError(
      409,
      `Play "${playId}" already has a task in HubSpot (task ${task.hubspotId}), and dismissing the play would not remove it: complete or delete the task in HubSpot instead.`,
    );
  }
  const actions = playActions(play, ledger);
  if (actions.length === 0) {
    throw new ApiError(
      409,
      `Play "${playId}" has nothing left to dismiss: no task or enrolment is planned for it. It leaves the card when its condition no longer holds.`,
    );
  }
  // Only what this call records is skipped: an intent a run recorded is that run's to finish.
  const recorded = await deps.store.recordIntents(deps.portal, actions);
  const fresh = recorded.filter((r) => r.outcome !== 'existing');
  for (const r of fresh) {
    await deps.store.skipAction(deps.portal, r.entry.key, `${DISMISSED}${reason}`);
  }
  deps.log.info({ companyId, playId, skipped: fresh.length }, 'Dismissed a play');
  if (fresh.length > 0 || recorded.some((r) => isDismissal(r.entry))) return;
  const busy = recorded.find((r) => r.entry.status === 'intent' || r.entry.status === 'uncertain');
  throw new ApiError(
    409,
    busy
      ? `Play "${playId}" is being acted on by a run right now (since ${busy.entry.updatedAt}). Reload the card in a minute and dismiss it then if it is still open.`
      : `Play "${playId}" has nothing left to dismiss: its actions are settled already (${recorded.map((r) => `${r.entry.kind} ${r.entry.status}`).join(', ')}).`,
  );
}
