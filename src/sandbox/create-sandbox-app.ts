import express, { type NextFunction, type Request, type Response } from 'express';
import { sendErrorBody } from './error-body.ts';
import { requestGuard, type GuardState } from './request-guard.ts';
import { SandboxHttpError } from './sandbox-http-error.ts';
import { sandboxRoutes } from './sandbox-routes.ts';

interface BodyParserError {
  type?: string;
  status?: number;
  message: string;
}

/** Turns what a handler threw into HubSpot's error answer. */
function answerError(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  if (error instanceof SandboxHttpError) return sendErrorBody(res, error.httpStatus, error.fields);
  const parser = error as BodyParserError;
  if (parser.type === 'entity.parse.failed') {
    return sendErrorBody(res, 400, {
      message: `Invalid input JSON: ${parser.message}`,
      category: 'VALIDATION_ERROR',
    });
  }
  if (parser.type === 'entity.too.large') {
    return sendErrorBody(res, 413, {
      message: 'Request body too large',
      category: 'VALIDATION_ERROR',
    });
  }
  sendErrorBody(res, 500, {
    message: `internal error: ${parser.message}`,
    category: 'INTERNAL_ERROR',
  });
}

/** The express app: each route behind the guard (auth, limits, faults), JSON parsed after it. */
export function createSandboxApp(state: GuardState): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const json = express.json({ limit: '5mb' });
  for (const route of sandboxRoutes(state.ctx)) {
    app[route.method](route.path, requestGuard(state, route), json, (req: Request, res: Response) =>
      route.handle(req, res),
    );
  }
  app.use((req: Request, res: Response) => {
    const key = `${req.method} (no such endpoint)`;
    state.counts.set(key, (state.counts.get(key) ?? 0) + 1);
    sendErrorBody(res, 404, {
      message: `The sandbox does not serve ${req.method} ${req.path}.`,
      category: 'OBJECT_NOT_FOUND',
    });
  });
  app.use(answerError);
  return app;
}
