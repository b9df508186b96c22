import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { sendErrorBody } from './error-body.ts';
import type { FaultInjector } from './fault-injector.ts';
import type { PortalContext } from './portal-context.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { SandboxRoute } from './sandbox-route.ts';

export interface GuardState {
  ctx: PortalContext;
  limiter: RateLimiter;
  faults: FaultInjector;
  counts: Map<string, number>;
}

const AUTH_HELP =
  'This API supports OAuth 2.0 authentication and you can find more details at ' +
  'https://developers.hubspot.com/docs/methods/auth/oauth-overview';

function authFailure(req: Request, token: string): string | undefined {
  const header = req.get('authorization');
  if (!header) return `Authentication credentials not found. ${AUTH_HELP}`;
  const [scheme, value] = header.split(/\s+/, 2);
  if (scheme?.toLowerCase() !== 'bearer' || value !== token) {
    return `Authentication credentials are not valid. ${AUTH_HELP}`;
  }
  return undefined;
}

function missingScopes(route: SandboxRoute, req: Request, granted: readonly string[]): string[] {
  const needed = typeof route.scopes === 'function' ? route.scopes(req.params) : route.scopes;
  return needed.filter((scope) => !granted.includes(scope));
}

function rateLimited(res: Response, policyName: string, message: string, retryAfter?: number) {
  if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
  sendErrorBody(res, 429, { message, errorType: 'RATE_LIMIT', policyName });
}

/** Runs before a route: counts it, then auth, latency, limits, scopes and injected 5xx. */
export function requestGuard(state: GuardState, route: SandboxRoute): RequestHandler {
  const key = `${route.method.toUpperCase()} ${route.path}`;
  return async (req: Request, res: Response, next: NextFunction) => {
    state.counts.set(key, (state.counts.get(key) ?? 0) + 1);
    const authMessage = authFailure(req, state.ctx.token);
    if (authMessage) {
      return sendErrorBody(res, 401, { message: authMessage, category: 'INVALID_AUTHENTICATION' });
    }
    if (state.faults.latencyMs() > 0) await sleep(state.faults.latencyMs());
    const stormRetryAfter = state.faults.takeStorm();
    if (stormRetryAfter !== undefined) {
      res.set(state.limiter.headers());
      const message = 'You have reached your ten_secondly_rolling limit.';
      return rateLimited(res, 'TEN_SECONDLY_ROLLING', message, stormRetryAfter);
    }
    const decision = state.limiter.check(route.limit ?? 'standard');
    res.set(decision.headers);
    if (decision.rejection) {
      return rateLimited(res, decision.rejection.policyName, decision.rejection.message);
    }
    const missing = missingScopes(route, req, state.ctx.scopes);
    if (missing.length > 0) return sendMissingScopes(res, missing);
    const serverError = state.faults.drawServerError();
    if (serverError !== undefined) {
      const message = 'internal error (injected by the sandbox fault settings)';
      return sendErrorBody(res, serverError, { message, category: 'INTERNAL_ERROR' });
    }
    next();
  };
}

function sendMissingScopes(res: Response, missing: string[]): void {
  sendErrorBody(res, 403, {
    message:
      "This app hasn't been granted all required scopes to make this call. Read more about " +
      'required scopes here: https://developers.hubspot.com/scopes.',
    category: 'MISSING_SCOPES',
    errors: [
      {
        message: 'One or more of the following scopes are required.',
        context: { requiredGranularScopes: missing },
      },
    ],
    links: { scopes: 'https://developers.hubspot.com/scopes' },
  });
}
