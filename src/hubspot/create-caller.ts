import { backoffDelay } from './backoff-delay.ts';
import { classifyError, type ClassifyContext } from './classify-error.ts';
import { DailyLimitError } from './daily-limit-error.ts';
import type { HubSpotError } from './hubspot-error.ts';
import type { RateLimits } from './rate-limits.ts';

export interface RetryOptions {
  /** Sends per call when HubSpot answers 5xx or the network fails (first try included). */
  maxAttempts: number;
  /** Extra sends per call after 429s of the 10-second or secondly policies. */
  maxRateLimitRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface CallOptions {
  /** False for creates: a 5xx or a dropped connection may hide a success, so no resend. */
  idempotent?: boolean;
}

/** Sends one HubSpot request through the limits, counting it and retrying what may be retried. */
export type Call = <T>(
  endpoint: string,
  send: () => Promise<T>,
  options?: CallOptions,
) => Promise<T>;

export interface CallerDeps {
  limits: RateLimits;
  retry: RetryOptions;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  count: (endpoint: string) => void;
  warn: (details: object, message: string) => void;
  classify: Omit<ClassifyContext, 'now'>;
}

/** Builds the one function every gateway request goes through. */
export function createCaller(deps: CallerDeps): Call {
  const { limits, retry } = deps;
  return async function call(endpoint, send, options = {}) {
    let failures = 0;
    let rateLimited = 0;
    for (let attempt = 1; attempt <= retry.maxAttempts + retry.maxRateLimitRetries; attempt++) {
      await limits.acquire(endpoint);
      deps.count(endpoint);
      try {
        return await send();
      } catch (raw) {
        const error = classifyError(endpoint, raw, { ...deps.classify, now: deps.clock() });
        error.attempts = attempt;
        if (error instanceof DailyLimitError) {
          limits.stopUntil(error.resumeAt);
          throw error;
        }
        if (error.status === 429 && ++rateLimited <= retry.maxRateLimitRetries) {
          waitOutRateLimit(deps, error);
          warnRetry(deps, error, error.retryAfterMs);
          continue;
        }
        if (error.transient && options.idempotent !== false && ++failures < retry.maxAttempts) {
          const delay = backoffDelay(failures, deps.random, retry);
          warnRetry(deps, error, delay);
          await deps.sleep(delay);
          continue;
        }
        throw giveUp(error, options.idempotent !== false);
      }
    }
    throw new Error(`unreachable: ${endpoint} left its retry loop`);
  };
}

/** The next send waits in the limiter: until Retry-After, or until the window frees a slot. */
function waitOutRateLimit(deps: CallerDeps, error: HubSpotError): void {
  if (error.retryAfterMs !== undefined) {
    deps.limits.pauseUntil(deps.clock() + error.retryAfterMs);
  } else if (error.policyName === 'SECONDLY') {
    deps.limits.pauseUntil(deps.clock() + 1000);
  } else {
    deps.limits.saturate();
  }
}

function warnRetry(deps: CallerDeps, error: HubSpotError, delayMs: number | undefined): void {
  const { endpoint, status, category, policyName, correlationId, attempts } = error;
  deps.warn(
    { endpoint, status, category, policyName, correlationId, attempt: attempts, delayMs },
    'HubSpot call failed; retrying',
  );
}

function giveUp(error: HubSpotError, idempotent: boolean): HubSpotError {
  if (!idempotent && error.transient) {
    error.message +=
      ' It was not resent because it creates records and may have succeeded: check HubSpot first.';
  } else if (error.attempts > 1 && (error.transient || error.status === 429)) {
    error.message += ` Gave up after ${error.attempts} attempts.`;
  }
  return error;
}
