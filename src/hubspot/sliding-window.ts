export interface SlidingWindowOptions {
  /** Most calls that may start in any window. */
  limit: number;
  windowMs: number;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
}

// A waiter re-checks after each sleep; a few checks are normal, this many means time is not moving.
const MAX_CHECKS = 1000;

/**
 * Lets at most `limit` calls start in any rolling `windowMs`. Waiters are served in arrival
 * order (one promise chain), so concurrent callers never stampede when a slot frees.
 */
export class SlidingWindow {
  readonly limit: number;
  readonly #windowMs: number;
  readonly #clock: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  /** Start times within the window, oldest first; may include slots used by others. */
  #starts: number[] = [];
  #pausedUntil = 0;
  #queue: Promise<void> = Promise.resolve();

  constructor(options: SlidingWindowOptions) {
    this.limit = Math.max(1, Math.floor(options.limit));
    this.#windowMs = options.windowMs;
    this.#clock = options.clock;
    this.#sleep = options.sleep;
  }

  /** Resolves when a call may start, and counts it. */
  acquire(): Promise<void> {
    const turn = this.#queue.then(() => this.#waitForSlot());
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  /** Starts nothing before `until` (a 429's Retry-After). */
  pauseUntil(until: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
  }

  /**
   * Makes the window hold at least `used` calls, stamped now: HubSpot counts every caller of
   * the app, so when it reports more than we started, the difference waits its turn here too.
   */
  reconcile(used: number): void {
    const now = this.#clock();
    this.#prune(now);
    for (
      let missing = Math.min(used, this.limit * 2) - this.#starts.length;
      missing > 0;
      missing--
    ) {
      this.#starts.push(now);
    }
  }

  /** Treats the window as full, so the next call waits for the oldest start to age out. */
  saturate(): void {
    this.reconcile(this.limit);
  }

  async #waitForSlot(): Promise<void> {
    for (let check = 0; check < MAX_CHECKS; check++) {
      const now = this.#clock();
      this.#prune(now);
      const wait = Math.max(this.#pausedUntil - now, this.#slotFreesAt() - now);
      if (wait <= 0) {
        this.#starts.push(now);
        return;
      }
      await this.#sleep(wait);
    }
    throw new Error(
      `Rate limiter waited ${MAX_CHECKS} times without a free slot: is the clock moving?`,
    );
  }

  /** When the window next has room: the start that must age out is limit places from the end. */
  #slotFreesAt(): number {
    const excess = this.#starts.length - this.limit;
    if (excess < 0) return 0;
    return (this.#starts[excess] ?? 0) + this.#windowMs;
  }

  #prune(now: number): void {
    let expired = 0;
    while (expired < this.#starts.length && (this.#starts[expired] ?? 0) <= now - this.#windowMs) {
      expired++;
    }
    if (expired > 0) this.#starts.splice(0, expired);
  }
}
