import express, { type Express } from 'express';
import type { CardApiDeps } from './card-api-deps.ts';
import { cardRoutes } from './card-routes.ts';
import { errorHandler, notFound } from './error-handler.ts';
import { pathOf } from './path-of.ts';
import { portfolioRoute } from './portfolio-route.ts';
import { signatureGuard } from './signature-guard.ts';
import { PORTFOLIO_PATH } from '../../extensions/app/pages/home-page-contract.ts';
import { webhookRoutes } from '../../webhooks/webhook-routes.ts';

/**
 * The card API: GET /healthz (unsigned, for load balancers) and, behind HubSpot's request
 * signature, the card's routes under /api/cards and the home page's GET /api/portfolio. No body
 * parser runs before the guard: it verifies the raw bytes and leaves them in req.body for the
 * routes to parse.
 */
export function createServer(deps: CardApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const ms = Math.round(performance.now() - started);
      deps.log.info(
        { method: req.method, path: pathOf(req), status: res.statusCode, ms },
        'request',
      );
    });
    next();
  });
  app.get('/healthz', async (_req, res) => {
    const health = await deps.store.health();
    if (health.ok) res.json({ status: 'ok' });
    else {
      res.status(503).json({
        status: 'error',
        message: `The store (${health.backend} at ${health.location}) cannot be read: ${health.error}`,
      });
    }
  });
  const guard = signatureGuard({
    clientSecret: deps.clientSecret,
    publicUrl: deps.publicUrl,
    log: deps.log,
    ...(deps.now ? { now: deps.now } : {}),
  });
  app.use('/api/cards', guard, cardRoutes(deps));
  app.get(PORTFOLIO_PATH, guard, portfolioRoute(deps));
  app.use('/webhooks', webhookRoutes(deps));
  app.use(notFound());
  app.use(errorHandler(deps.log));
  return app;
}
