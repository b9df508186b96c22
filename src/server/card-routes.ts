import { Router, type Request } from 'express';
import { dismissRequestSchema } from '../../extensions/app/cards/card-contract.ts';
import { rescoreCompany } from '../jobs/rescore-company.ts';
import { ApiError } from './api-error.ts';
import type { CardApiDeps } from './card-api-deps.ts';
import { companyCard } from './company-card.ts';
import { createPlayTask } from './create-play-task.ts';
import { dismissPlay } from './dismiss-play.ts';
import { keyedQueue } from './keyed-queue.ts';
import { parseJsonBody } from './parse-json-body.ts';

/** The card's routes (mounted at /api/cards, behind signatureGuard): each answers the card. */
export function cardRoutes(deps: CardApiDeps): Router {
  const now = deps.now ?? (() => new Date());
  const oneAtATime = keyedQueue();
  const router = Router();

  router.get('/companies/:id', async (req, res) => {
    res.json(await companyCard(deps, companyIdOf(req)));
  });

  router.post('/companies/:id/rescore', async (req, res) => {
    const id = companyIdOf(req);
    refuseInDryRun(deps, 'rescore from the card');
    const done = await oneAtATime(id, () => rescoreCompany(id, rescoreDeps(deps, now())));
    if (!done) {
      throw new ApiError(
        404,
        `HubSpot has no company with the id ${id} in this portal, so there is nothing to score. If it was merged or deleted, open the company it became.`,
      );
    }
    deps.log.info(
      { companyId: id, written: done.written.length, tasks: done.plays.tasksCreated.length },
      'Rescored a company from the card',
    );
    if (done.writeError)
      deps.log.warn({ companyId: id }, `HubSpot refused the health properties: ${done.writeError}`);
    res.json(await companyCard(deps, id));
  });

  router.post('/companies/:id/plays/:playId/task', async (req, res) => {
    const id = companyIdOf(req);
    const playId = String(req.params.playId);
    refuseInDryRun(deps, 'create tasks');
    const ids = await oneAtATime(id, () => createPlayTask(deps, id, playId));
    deps.log.info({ companyId: id, playId, taskIds: ids }, 'Created a play task from the card');
    res.json(await companyCard(deps, id));
  });

  router.post('/companies/:id/plays/:playId/dismiss', async (req, res) => {
    const id = companyIdOf(req);
    const playId = String(req.params.playId);
    const { reason } = parseJsonBody(req.body, dismissRequestSchema, DISMISS_EXAMPLE);
    await oneAtATime(id, () => dismissPlay(deps, id, playId, reason));
    res.json(await companyCard(deps, id));
  });

  return router;
}

const DISMISS_EXAMPLE = '{"reason": "Renewal already signed last week"} (3 to 500 characters)';

function companyIdOf(req: Request): string {
  const id = String(req.params.id);
  if (/^\d{1,20}$/.test(id)) return id;
  throw new ApiError(
    400,
    `"${id.slice(0, 40)}" is not a company id: HubSpot company ids are digits only, like 31000000001. The card sends the record's objectId.`,
  );
}

function refuseInDryRun(deps: CardApiDeps, what: string): void {
  if (!deps.config.dryRun) return;
  throw new ApiError(
    409,
    `Vitals is in dry-run mode (dryRun: true in its config), so it writes nothing to HubSpot and cannot ${what}. Ask your admin to turn dry-run off.`,
  );
}

function rescoreDeps(deps: CardApiDeps, now: Date) {
  return {
    gateway: deps.gateway,
    store: deps.store,
    mapping: deps.config,
    model: deps.model,
    portal: deps.portal,
    plays: deps.plays ?? undefined,
    now,
  };
}
