import { seededRandom, type Random } from './seeded-random.ts';

/** Knobs that make the sandbox misbehave on purpose; all can change while it runs. */
export interface SandboxFaults {
  /** Share of requests (0–1) answered with a 5xx instead of reaching the portal. */
  serverErrorRate?: number;
  /** Seeds the draw that picks the failing requests: same seed, same failures. */
  serverErrorSeed?: number;
  /** Added before every answer. */
  latencyMs?: number;
  /** The next N requests get 429 TEN_SECONDLY_ROLLING, whatever the window says. */
  rateLimitStorm?: number;
  /** Retry-After sent with storm answers; 0 sends none. Default 1. */
  stormRetryAfterSeconds?: number;
  /** Requests allowed per UTC day from now on; overrides rateLimit.daily. */
  dailyLimit?: number;
  /**
   * Record ids whose association batch reads fail in the answer's `errors` with an error other
   * than NO_ASSOCIATIONS_FOUND, while the other inputs of the batch are answered.
   */
  failingAssociationReads?: readonly string[];
}

const SERVER_ERRORS = [500, 502, 503, 504] as const;

export function createFaultInjector(initial: SandboxFaults, defaultSeed: number) {
  let faults: SandboxFaults = { ...initial };
  let random: Random = seededRandom(faults.serverErrorSeed ?? defaultSeed);
  return {
    set(partial: SandboxFaults): void {
      faults = { ...faults, ...partial };
      if (partial.serverErrorSeed !== undefined) random = seededRandom(partial.serverErrorSeed);
    },
    get: (): Readonly<SandboxFaults> => faults,
    latencyMs: (): number => faults.latencyMs ?? 0,
    /** Uses up one storm answer if a storm is on; returns its Retry-After (seconds) or undefined. */
    takeStorm(): number | undefined {
      if (!faults.rateLimitStorm || faults.rateLimitStorm <= 0) return undefined;
      faults = { ...faults, rateLimitStorm: faults.rateLimitStorm - 1 };
      return faults.stormRetryAfterSeconds ?? 1;
    },
    /** A 5xx status for this request, or undefined; draws only while failures are switched on. */
    drawServerError(): number | undefined {
      const rate = faults.serverErrorRate ?? 0;
      if (rate <= 0 || random.next() >= rate) return undefined;
      return SERVER_ERRORS[Math.floor(random.next() * SERVER_ERRORS.length)];
    },
  };
}

export type FaultInjector = ReturnType<typeof createFaultInjector>;
