import { DailyLimitError } from './daily-limit-error.ts';
import { nextMidnight } from './next-midnight.ts';
import type { SharedRateBudget } from '../store/store.ts';
import { SlidingWindow } from './sliding-window.ts';

export interface RateLimitOptions {
  /** The portal's limit per rolling 10 s: 100, 190 or 250. */
  per10s: number;
  /** Share of HubSpot's limits the gateway uses; the rest absorbs clock skew and other callers. */
  headroom: number;
  /** A budget of calls per portal day that the gateway stops at, below HubSpot's own. */
  dailyLimit?: number | undefined;
  timeZone: string;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  warn: (details: object, message: string) => void;
  /** The budget every process of the app shares (PostgreSQL store); absent: this process only. */
  shared?: SharedRateBudget | undefined;
}

/** The shared budget's name for HubSpot's general limit: one private app, one budget. */
export const SHARED_BUDGET = 'hubspot.general';

// Search has its own limit of 5 requests/s per account, whatever the object searched:
// https://developers.hubspot.com/docs/api/crm/search#limitations
const SEARCH_PER_SECOND = 5;
/** Endpoints named "<object>.search" (tasks.search, notes.search, meetings.search) draw on it. */
const isSearchEndpoint = (endpoint: string): boolean => endpoint.endsWith('.search');
const TEN_SECONDS = 10_000;

/** The budgets every HubSpot call passes through before it is sent. */
export class RateLimits {
  readonly #options: RateLimitOptions;
  readonly #general: SlidingWindow;
  readonly #search: SlidingWindow;
  #day: { resetAt: number; calls: number };
  #stoppedUntil = 0;
  #warnedMax = false;
  #sharedFailed = false;

  constructor(options: RateLimitOptions) {
    this.#options = options;
    const { clock, sleep, headroom } = options;
    this.#general = new SlidingWindow({
      limit: options.per10s * headroom,
      windowMs: TEN_SECONDS,
      clock,
      sleep,
    });
    this.#search = new SlidingWindow({
      limit: SEARCH_PER_SECOND * headroom,
      windowMs: 1000,
      clock,
      sleep,
    });
    this.#day = { resetAt: this.#nextReset(clock()), calls: 0 };
  }

  /** Waits for room in every budget the endpoint draws on; throws DailyLimitError when spent. */
  async acquire(endpoint: string): Promise<void> {
    this.#checkDaily(endpoint);
    if (isSearchEndpoint(endpoint)) await this.#search.acquire();
    await this.#general.acquire();
    await this.#takeShared();
    this.#day.calls++;
  }

  /** Waits, a second at a time, until the app's shared budget has room for this call. */
  async #takeShared(): Promise<void> {
    const { shared, clock, sleep } = this.#options;
    if (!shared || this.#sharedFailed) return;
    try {
      while (!(await shared.take(SHARED_BUDGET, clock(), this.#general.limit)))
        await sleep(1000 - (clock() % 1000) + 1);
    } catch (error) {
      // The database that holds the budget failed: go on with this process's own limiter (HubSpot's
      // headers and 429s still keep every process in check) rather than fail the call.
      this.#sharedFailed = true;
      this.#options.warn(
        { err: error },
        'The shared rate budget could not be read; this process keeps to its own limiter until it restarts',
      );
    }
  }

  /** Learns from HubSpot's X-HubSpot-RateLimit-* headers on any answer. */
  readonly observe = (headers: Readonly<Record<string, string>>): void => {
    const max = count(headers['x-hubspot-ratelimit-max']);
    const remaining = count(headers['x-hubspot-ratelimit-remaining']);
    const interval = count(headers['x-hubspot-ratelimit-interval-milliseconds']);
    if (max !== undefined && max < this.#options.per10s) this.#warnMax(max);
    if (remaining !== undefined && (interval === undefined || interval === TEN_SECONDS)) {
      this.#general.reconcile((max ?? this.#options.per10s) - remaining);
    }
    if (headers['x-hubspot-ratelimit-daily-remaining'] === '0') {
      this.#stoppedUntil = this.#day.resetAt;
    }
  };

  /** After a 429 with Retry-After: nothing starts before then. */
  pauseUntil(until: number): void {
    this.#general.pauseUntil(until);
  }

  /** After a 429 without Retry-After: wait until the rolling window frees a slot. */
  saturate(): void {
    this.#general.saturate();
  }

  /** After a DAILY 429: every later call fails fast until the daily reset. */
  stopUntil(resumeAt: Date): void {
    this.#stoppedUntil = Math.max(this.#stoppedUntil, resumeAt.getTime());
  }

  #checkDaily(endpoint: string): void {
    const now = this.#options.clock();
    if (now >= this.#day.resetAt) this.#day = { resetAt: this.#nextReset(now), calls: 0 };
    if (now < this.#stoppedUntil) {
      throw new DailyLimitError({ endpoint, status: 429 }, new Date(this.#stoppedUntil));
    }
    const { dailyLimit } = this.#options;
    if (dailyLimit !== undefined && this.#day.calls >= dailyLimit) {
      throw new DailyLimitError({ endpoint, status: 0 }, new Date(this.#day.resetAt), dailyLimit);
    }
  }

  #nextReset(now: number): number {
    return nextMidnight(now, this.#options.timeZone).getTime();
  }

  #warnMax(max: number): void {
    if (this.#warnedMax) return;
    this.#warnedMax = true;
    const { per10s } = this.#options;
    this.#options.warn(
      { hubspotMax: max, per10s },
      `HubSpot allows this app ${max} calls per 10 s, fewer than rateLimit.per10s (${per10s}): ` +
        `set rateLimit.per10s to ${max}`,
    );
  }
}

function count(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const n = Number(header);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}
