import type { DailyUsage } from './daily-usage.ts';
import { RollingWindow } from './rolling-window.ts';

export type LimitKind = 'standard' | 'search';

export interface RateRejection {
  policyName: 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY';
  message: string;
}

export interface RateDecision {
  /** X-HubSpot-RateLimit-* headers; HubSpot sends none on search responses. */
  headers: Record<string, string>;
  rejection?: RateRejection;
}

export interface RateLimiterOptions {
  per10s: number;
  daily: () => number;
  usage: DailyUsage;
  clock: () => number;
  /** HubSpot's CRM search allowance: 5 requests per second per token. */
  searchPerSecond?: number;
}

const reject = (policyName: RateRejection['policyName'], limit: string): RateRejection => ({
  policyName,
  message: `You have reached your ${limit} limit.`,
});

/** HubSpot's private-app limits: a 10-second rolling window, a daily allowance, search per second. */
export function createRateLimiter(options: RateLimiterOptions) {
  const window = new RollingWindow(options.per10s, 10_000);
  const search = new RollingWindow(options.searchPerSecond ?? 5, 1_000);
  const headers = (now: number, day: string): Record<string, string> => ({
    'X-HubSpot-RateLimit-Max': String(window.max),
    'X-HubSpot-RateLimit-Remaining': String(window.remaining(now)),
    'X-HubSpot-RateLimit-Interval-Milliseconds': String(window.intervalMs),
    'X-HubSpot-RateLimit-Daily': String(options.daily()),
    'X-HubSpot-RateLimit-Daily-Remaining': String(
      Math.max(0, options.daily() - options.usage.count(day)),
    ),
  });
  const decide = (kind: LimitKind, now: number, day: string): RateRejection | undefined => {
    if (options.usage.count(day) >= options.daily()) return reject('DAILY', 'daily');
    if (window.isFull(now)) return reject('TEN_SECONDLY_ROLLING', 'ten_secondly_rolling');
    if (kind === 'search' && search.isFull(now)) return reject('SECONDLY', 'secondly');
    window.take(now);
    if (kind === 'search') search.take(now);
    options.usage.increment(day);
    return undefined;
  };
  return {
    check(kind: LimitKind): RateDecision {
      const now = options.clock();
      const day = new Date(now).toISOString().slice(0, 10);
      const rejection = decide(kind, now, day);
      return { headers: kind === 'search' ? {} : headers(now, day), rejection };
    },
    /** The headers as they stand, for answers that bypass the limiter (a 429 storm). */
    headers(): Record<string, string> {
      const now = options.clock();
      return headers(now, new Date(now).toISOString().slice(0, 10));
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
