import { taskInput } from '../jobs/task-input.ts';
import type { TaskAction } from '../plays/play-types.ts';
import type { LedgerEntry } from '../store/store.ts';
import { ApiError } from './api-error.ts';
import type { CardApiDeps } from './card-api-deps.ts';
import { findPlay } from './find-play.ts';
import { playActions } from '../jobs/play-ledger.ts';
import { DISMISSED, isDismissal } from '../jobs/play-status.ts';

type Deps = Pick<CardApiDeps, 'store' | 'portal' | 'gateway' | 'log'>;

/**
 * Creates the play's task in HubSpot now, past the owner's daily cap: recorded in the ledger
 * first, exactly as a run records it, so neither a run nor a second click makes another.
 * Returns the HubSpot ids created; 409 when the task exists or cannot be made.
 */
export async function createPlayTask(
  deps: Deps,
  companyId: string,
  playId: string,
): Promise<string[]> {
  const { play, ledger } = await findPlay(deps, companyId, playId);
  const tasks = playActions(play, ledger).filter((a): a is TaskAction => a.kind === 'task');
  if (tasks.length === 0) {
    throw new ApiError(
      409,
      `Play "${playId}" has no task to create: it enrols contacts in a sequence, which runs do on their own.`,
    );
  }
  const recorded = await deps.store.recordIntents(deps.portal, tasks);
  const fresh = recorded.filter((r) => r.outcome !== 'existing').map((r) => r.entry);
  if (fresh.length === 0)
    throw await notCreated(
      deps,
      playId,
      recorded.map((r) => r.entry),
    );
  return create(deps, playId, fresh);
}

async function create(deps: Deps, playId: string, entries: LedgerEntry[]): Promise<string[]> {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  let result;
  try {
    result = await deps.gateway.createTasks(
      entries.map((e) => taskInput(e.action as TaskAction, e.marker)),
    );
  } catch (error) {
    // The intents stay: the next run looks for the task by its marker and creates it if missing.
    throw new ApiError(
      502,
      `HubSpot did not confirm the task for play "${playId}" (${(error as Error).message}). It may exist anyway, so do not create it by hand: the next run checks HubSpot and creates it if it is missing.`,
    );
  }
  const ids: string[] = [];
  for (const task of result.created) {
    const marker = task.body?.match(/Ref: (vt[0-9a-f]+)/)?.[1];
    const entry =
      (task.traceId && byKey.get(task.traceId)) ||
      entries.find((e) => e.marker === marker && byKey.has(e.key));
    if (!entry) continue;
    byKey.delete(entry.key);
    await deps.store.completeAction(deps.portal, entry.key, task.id);
    ids.push(task.id);
  }
  if (byKey.size === 0) return ids;
  const why = result.errors.map((e) => e.message).join(' ') || 'HubSpot did not create it.';
  for (const entry of byKey.values()) await deps.store.failAction(deps.portal, entry.key, why);
  throw new ApiError(502, `HubSpot refused the task for play "${playId}": ${why}`);
}

/** Why nothing was created: the task exists, is on its way, or was settled otherwise. */
async function notCreated(deps: Deps, playId: string, entries: LedgerEntry[]): Promise<ApiError> {
  const done = entries.find((e) => e.status === 'done');
  if (done) return exists(playId, done.hubspotId!);
  // An uncertain create (HubSpot failed to answer) is on its way like an intent: a run settles it.
  const pending = entries.find((e) => e.status === 'intent' || e.status === 'uncertain');
  if (pending) {
    // A crash may have come between HubSpot's answer and the ledger write: look first.
    const found = (await deps.gateway.findTasksByMarker([pending.marker])).get(pending.marker);
    if (found === undefined) {
      return new ApiError(
        409,
        `The task for play "${playId}" is being created right now (since ${pending.updatedAt}). Reload the card in a minute; if it has not appeared, the next run finishes it.`,
      );
    }
    await deps.store.completeAction(deps.portal, pending.key, found);
    return exists(playId, found);
  }
  const dismissed = entries.find(isDismissal);
  if (dismissed) {
    const because = dismissed.detail!.slice(DISMISSED.length);
    return new ApiError(
      409,
      `Play "${playId}" was dismissed ("${because}"), so Vitals will not create its task. Create one by hand in HubSpot if it is needed after all.`,
    );
  }
  const settled = entries[0]!;
  const what = settled.status === 'failed' ? 'HubSpot refused it earlier' : 'Vitals skipped it';
  return new ApiError(
    409,
    `The task for play "${playId}" cannot be created: ${what} (${settled.detail ?? 'no reason given'}). Create it by hand in HubSpot if it is needed.`,
  );
}

function exists(playId: string, taskId: string): ApiError {
  return new ApiError(
    409,
    `A task for play "${playId}" already exists in HubSpot (task ${taskId}): open it from the company's tasks.`,
  );
}
