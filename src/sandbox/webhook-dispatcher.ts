import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { journalEvents, type JournalCursor } from './journal-events.ts';
import { limitConcurrency } from './limit-concurrency.ts';
import type { PortalDatabase } from './portal-database.ts';
import { seededRandom, type Random } from './seeded-random.ts';
import { sendWithRetries } from './send-with-retries.ts';
import { webhookLease } from './webhook-lease.ts';
import { eventIdSource, type WebhookEvent } from './webhook-events.ts';
import type { WebhookSettings } from './webhook-settings.ts';

/** HubSpot sends at most 100 events a request. */
const EVENTS_PER_REQUEST = 100;

export interface WebhookDispatcher {
  /** Picks up every change made so far now, sends it, and resolves once every request has
   * settled: delivered, refused, or out of retries. */
  flush(): Promise<void>;
  /** The same, at the dispatcher's own pace: after its next gather. */
  idle(): Promise<void>;
  /** Stops gathering, abandons pending retries, and hands the portal's lease back. */
  stop(): Promise<void>;
}

export interface DispatcherDeps {
  db: PortalDatabase;
  settings: WebhookSettings;
  portalId: number;
  appId: number;
  /** The sandbox API's URL, recorded in the lease for `vitals sandbox change` to name. */
  url: string;
  clock?: () => number;
  onError?: (error: unknown) => void;
}

function shuffle<T>(items: T[], random: Random): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}

function warn(error: unknown): void {
  process.emitWarning(`Sandbox webhook delivery failed: ${(error as Error).message ?? error}`);
}

/**
 * Delivers the portal's changes as HubSpot would: every `gatherMs` it reads the change journals
 * (property_history, association_history) for what was written since the last read, by this
 * process or another, makes one event per matching subscription, and POSTs them signed, 100 a
 * request, never in the way of the API call that made the change. Failed requests are resent
 * with growing waits.
 */
export function startWebhookDispatcher(deps: DispatcherDeps): WebhookDispatcher {
  const { db, settings } = deps;
  const clock = deps.clock ?? Date.now;
  const onError = deps.onError ?? warn;
  const random = seededRandom(settings.seed);
  const lease = webhookLease(db, {
    holder: randomUUID(),
    pid: process.pid,
    url: deps.url,
    targetUrl: settings.targetUrl,
  });
  const origin = { portalId: deps.portalId, appId: deps.appId, nextEventId: eventIdSource(clock) };
  const journals = journalEvents(db, settings.subscriptions, origin);
  const stopper = new AbortController();
  const sending = {
    settings,
    signal: stopper.signal,
    slot: limitConcurrency(settings.maxConcurrentRequests, stopper.signal),
    clock,
  };
  let cursor: JournalCursor | null = null;
  let duplicates: WebhookEvent[] = [];
  let pending = 0;
  let waiters: { afterTick: boolean; resolve: () => void }[] = [];

  /** Holding the lease from now on means starting at the newest change, not replaying old ones. */
  function claim(): boolean {
    const state = lease.claim(clock());
    if (state === 'other') cursor = null;
    else if (state === 'taken' || cursor === null) cursor = journals.newest();
    return cursor !== null;
  }

  function gather(): WebhookEvent[] {
    if (!claim()) return [];
    const read = journals.since(cursor!);
    cursor = read.cursor;
    return read.events;
  }

  function send(fresh: WebhookEvent[]): void {
    if (settings.reorder) shuffle(fresh, random);
    const events = [...duplicates, ...fresh];
    duplicates =
      settings.duplicateShare > 0 ? fresh.filter(() => random.chance(settings.duplicateShare)) : [];
    for (let i = 0; i < events.length; i += EVENTS_PER_REQUEST) {
      void deliver(events.slice(i, i + EVENTS_PER_REQUEST));
    }
  }

  async function deliver(batch: WebhookEvent[]): Promise<void> {
    pending += 1;
    try {
      await sendWithRetries(batch, sending);
    } catch (error) {
      if (!stopper.signal.aborted) onError(error);
    } finally {
      pending -= 1;
      settle();
    }
  }

  function settle(): void {
    if (pending > 0 || duplicates.length > 0) return;
    const [done, rest] = [waiters.filter((w) => !w.afterTick), waiters.filter((w) => w.afterTick)];
    waiters = rest;
    done.forEach((waiter) => waiter.resolve());
  }

  function tick(): void {
    if (stopper.signal.aborted) return;
    try {
      const events = gather();
      if (events.length > 0 || duplicates.length > 0) send(events);
    } catch (error) {
      onError(error);
    }
    waiters.forEach((waiter) => (waiter.afterTick = false));
    settle();
  }

  const settled = (afterTick: boolean) =>
    new Promise<void>((resolve) => {
      waiters.push({ afterTick, resolve });
      if (!afterTick) settle();
    });

  claim();
  const timer = setInterval(tick, settings.gatherMs).unref();
  return {
    flush: () => {
      tick();
      if (duplicates.length > 0) tick();
      return settled(false);
    },
    idle: () => settled(true),
    stop: async () => {
      if (stopper.signal.aborted) return;
      clearInterval(timer);
      stopper.abort();
      waiters.splice(0).forEach((waiter) => waiter.resolve());
      while (pending > 0) await sleep(1);
      lease.release();
    },
  };
}
