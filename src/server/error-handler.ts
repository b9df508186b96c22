import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { DailyLimitError } from '../hubspot/daily-limit-error.ts';
import { HubSpotError } from '../hubspot/hubspot-error.ts';
import { ApiError } from './api-error.ts';
import { pathOf } from './path-of.ts';

/** Every failure as `errorSchema` (or a route's own 404 shape), logged without headers. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const answer = answerFor(error);
    const fields = { method: req.method, path: pathOf(req), status: answer.status };
    if (answer.status >= 500) {
      const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
      log.error({ ...fields, error: { name, message, stack } }, answer.message);
    } else {
      log.warn(fields, answer.message);
    }
    if (res.headersSent) {
      next(error);
      return;
    }
    res.status(answer.status).json(answer.body ?? { status: 'error', message: answer.message });
  };
}

/** Paths the API does not have: 404 in the same shape as every other error. */
export function notFound(): RequestHandler {
  return (req, _res, next) => {
    next(
      new ApiError(
        404,
        `${req.method} ${pathOf(req)} is not a route of the Vitals card API. It has GET /healthz, GET /api/portfolio, GET /api/cards/companies/:id and POST /api/cards/companies/:id/rescore, …/plays/:playId/task and …/plays/:playId/dismiss.`,
      ),
    );
  };
}

interface Answer {
  status: number;
  message: string;
  body?: Record<string, unknown> | undefined;
}

function answerFor(error: unknown): Answer {
  if (error instanceof ApiError) return error;
  if (error instanceof DailyLimitError) {
    return {
      status: 503,
      message: `HubSpot's daily API limit for this portal is used up until ${error.resumeAt.toISOString()}: the card's actions work again after that.`,
    };
  }
  if (error instanceof HubSpotError) {
    return {
      status: 502,
      message: `HubSpot did not do what Vitals asked: ${error.message} Try again in a minute; if it keeps failing, your admin can run \`vitals doctor\`.`,
    };
  }
  const status = httpStatusOf(error);
  if (status === 413) {
    return {
      status,
      message: 'The request body is over 1 MB, more than the card API reads: send less.',
    };
  }
  if (status !== null && status >= 400 && status < 500) {
    return { status, message: `The request could not be read (${(error as Error).message}).` };
  }
  return {
    status: 500,
    message:
      'Something went wrong inside the Vitals service, so it could not answer. Try again; if it keeps failing, the service log has the details for your admin.',
  };
}

/** body-parser's errors carry their HTTP status. */
function httpStatusOf(error: unknown): number | null {
  if (error === null || typeof error !== 'object') return null;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : null;
}
