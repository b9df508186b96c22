import {
  drainInbox,
  DRAIN_DEFAULTS,
  type DrainDeps,
  type DrainOptions,
  type DrainSummary,
} from './drain-inbox.ts';
import { releaseDeadClaims } from './lease-holder.ts';
import { settleLeftIntents } from './settle-left-intents.ts';

export interface InboxWorkerLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface InboxWorker {
  /** New events are in the inbox: drain soon (drains never overlap). */
  wake(): void;
  /** Resolves when no drain is running and none is asked for. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Drains the inbox whenever the intake stores events, and every `pollMs` for events whose retry
 * is due. At start it first settles the task intents a killed process left (a drain's tasks
 * would otherwise stay "being created"), then drains what was received before the restart.
 */
export function startInboxWorker(
  deps: DrainDeps,
  log: InboxWorkerLog,
  options: DrainOptions = DRAIN_DEFAULTS,
  pollMs = 5_000,
): InboxWorker {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let settled = false;
  const drainUntilEmpty = async () => {
    try {
      // Before every drain, not only the first: another replica on this host may die holding
      // events at any time, and they would otherwise wait for its claims to lapse.
      const freed = await releaseDeadClaims(deps.store, deps.portal, deps.now());
      if (freed > 0) log.info({ events: freed }, 'took back the events a stopped process held');
      if (!settled) {
        const n = await settleLeftIntents(deps);
        if (n > 0) log.info({ intents: n }, 'settled the plays a stopped process left');
        settled = true;
      }
    } catch (error) {
      log.error({ err: error }, 'taking back what a stopped process left failed');
      return;
    }
    do {
      again = false;
      let summary: DrainSummary;
      try {
        summary = await drainInbox(deps, options);
      } catch (error) {
        // The store itself failed; the next wake or poll tries again.
        log.error({ err: error }, 'inbox drain failed');
        return;
      }
      if (summary.events > 0) log.info(summary, 'inbox drained');
      if (summary.events === options.batch) again = true;
    } while (again && !stopped);
  };
  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drainUntilEmpty().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(wake, pollMs);
  timer.unref();
  wake();
  return {
    wake,
    idle: async () => {
      while (running) await running;
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}
