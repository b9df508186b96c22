import type { PassResults } from './pass-over-companies.ts';
import { adoptOpenTasks } from './adopt-open-tasks.ts';
import { reconcileUnfinished } from './reconcile-unfinished.ts';
import { releaseHeld } from './release-held.ts';
import type { RescoreDeps } from './run-rescore.ts';

/**
 * Before the pass. A store that knows nothing of the portal yet (new, emptied, or replaced by a
 * redeploy) first adopts the open tasks Vitals made there, so none is made twice. Then what
 * earlier runs left gets its turn: a crash's intents and uncertain actions are settled against
 * HubSpot before anything new, then held tasks are released. Answers the tasks adopted, or null
 * when the run did not look.
 */
export async function startPlays(deps: RescoreDeps, results: PassResults): Promise<number | null> {
  if (results.preview) {
    results.planned.push(...(await results.preview.start()));
    return null;
  }
  const ctx = results.playsCtx;
  if (!ctx || !deps.plays) return null;
  const [baselineAt, adoptedAt] = await Promise.all([
    deps.store.playsBaselineAt(deps.portal),
    deps.store.playsAdoptedAt(deps.portal),
  ]);
  const adopt = baselineAt === null && adoptedAt === null;
  const adopted = adopt
    ? await adoptOpenTasks({
        gateway: deps.gateway,
        store: deps.store,
        portal: deps.portal,
        timeZone: deps.plays.settings.timeZone,
        renewalDateProperty: deps.plays.mapping.renewalDateProperty,
        now: ctx.now,
      })
    : null;
  ctx.lookBeforeEnrolling = baselineAt === null || (await adoptedSinceLastRun(deps, adoptedAt));
  await reconcileUnfinished(ctx);
  await releaseHeld(ctx);
  return adopted?.tasks ?? null;
}

/**
 * True when `vitals store rebuild` adopted the portal's tasks after the last completed run: until
 * a run has gone through, enrolments look at what HubSpot has before enrolling.
 */
async function adoptedSinceLastRun(deps: RescoreDeps, adoptedAt: string | null): Promise<boolean> {
  if (adoptedAt === null) return false;
  const runs = await deps.store.listRuns({ portal: deps.portal, limit: 20 });
  const last = runs.find((r) => r.status === 'completed' && !r.dryRun);
  return last === undefined || last.startedAt < adoptedAt;
}
