import { Router, type ErrorRequestHandler } from 'express';
import { ApiError } from '../src/server/api-error.ts';
import type { CardApiDeps } from '../src/server/card-api-deps.ts';
import { pathOf } from '../src/server/path-of.ts';
import { signatureGuard } from '../src/server/signature-guard.ts';
import { groupReceive } from './group-receive.ts';
import { inboxEventOf } from './inbox-event-of.ts';
import { parseWebhookEvents } from './parse-webhook-events.ts';
import { refuseOldSignatures } from './refuse-old-signatures.ts';

export type WebhookDeps = Pick<
  CardApiDeps,
  'store' | 'portal' | 'clientSecret' | 'publicUrl' | 'log' | 'now' | 'onWebhookEvents'
>;

/** Where HubSpot delivers the app's webhook events (mounted at /webhooks). */
export const HUBSPOT_WEBHOOK_PATH = '/hubspot';

/**
 * POST /webhooks/hubspot: verifies HubSpot's v3 signature on the raw body, stores every event in
 * the inbox with one call, and answers 204 only once the store has them. Processing comes later,
 * from the inbox: HubSpot wants an answer within seconds.
 */
export function webhookRoutes(deps: WebhookDeps): Router {
  const guard = signatureGuard({
    clientSecret: deps.clientSecret,
    publicUrl: deps.publicUrl,
    log: deps.log,
    ...(deps.now ? { now: deps.now } : {}),
  });
  const receive = groupReceive((portal, events) => deps.store.receiveEvents(portal, events));
  const router = Router();
  router.post(HUBSPOT_WEBHOOK_PATH, refuseOldSignatures(deps.log), guard, async (req, res) => {
    const events = parseWebhookEvents(req.body).map(inboxEventOf);
    if (events.length === 0) {
      res.status(204).end();
      return;
    }
    let stored: number;
    try {
      ({ stored } = await receive(deps.portal, events));
    } catch (error) {
      const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
      deps.log.error(
        {
          method: req.method,
          path: pathOf(req),
          status: 503,
          events: events.length,
          error: { name, message, stack },
        },
        'The inbox could not store a webhook delivery: answered 503, so HubSpot sends it again',
      );
      res.status(503).json(STORE_DOWN);
      return;
    }
    wake(deps, stored);
    res.status(204).end();
  });
  router.use(bodyTooLarge);
  return router;
}

const STORE_DOWN = {
  status: 'error',
  message: 'Vitals cannot store webhook events right now; send them again later.',
};

/** The events are stored whatever the hook does: its failure is logged, never answered. */
function wake(deps: WebhookDeps, stored: number): void {
  try {
    deps.onWebhookEvents?.(stored);
  } catch (error) {
    deps.log.error(
      { error: (error as Error).message },
      'onWebhookEvents failed after storing events',
    );
  }
}

const bodyTooLarge: ErrorRequestHandler = (error: unknown, _req, _res, next) => {
  const status = (error as { status?: unknown } | null)?.status;
  if (status !== 413) {
    next(error);
    return;
  }
  next(
    new ApiError(
      413,
      'The webhook body is over 1 MB, more than Vitals reads: HubSpot sends at most 100 events a request.',
    ),
  );
};
