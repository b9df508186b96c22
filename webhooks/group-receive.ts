import type { InboxEventInput } from '../src/store/store.ts';

type Receive = (portal: string, events: readonly InboxEventInput[]) => Promise<{ stored: number }>;

interface Waiting {
  events: readonly InboxEventInput[];
  resolve(result: { stored: number }): void;
  reject(error: unknown): void;
}

/**
 * Group commit for the intake: the deliveries that reach the store in the same turn of the event
 * loop are committed in one transaction, and each request still answers only once its events are
 * in. Under load most of a commit's cost is the commit itself, not the rows, so several requests
 * share it. A combined write that fails is retried request by request, so one delivery the store
 * refuses cannot take the others down with it.
 *
 * The store counts new events for the whole group, not per request, so the first request of a
 * group gets the count and the others 0: the worker is woken once, for the right number.
 */
export function groupReceive(receive: Receive): Receive {
  const groups = new Map<string, Waiting[]>();

  const flush = async (portal: string): Promise<void> => {
    const waiting = groups.get(portal) ?? [];
    groups.delete(portal);
    if (waiting.length === 1) {
      settle(waiting[0]!, () => receive(portal, waiting[0]!.events));
      return;
    }
    try {
      const result = await receive(
        portal,
        waiting.flatMap((w) => w.events),
      );
      waiting.forEach((w, i) => w.resolve({ stored: i === 0 ? result.stored : 0 }));
    } catch {
      for (const w of waiting) settle(w, () => receive(portal, w.events));
    }
  };

  return (portal, events) =>
    new Promise((resolve, reject) => {
      const waiting = groups.get(portal);
      if (waiting) {
        waiting.push({ events, resolve, reject });
        return;
      }
      groups.set(portal, [{ events, resolve, reject }]);
      setImmediate(() => void flush(portal));
    });
}

function settle(waiting: Waiting, write: () => Promise<{ stored: number }>): void {
  write().then(waiting.resolve, waiting.reject);
}
