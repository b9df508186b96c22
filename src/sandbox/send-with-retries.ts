import { setTimeout as sleep } from 'node:timers/promises';
import { postDelivery } from './post-delivery.ts';
import { retryDelayMs } from './retry-delay.ts';
import type { WebhookEvent } from './webhook-events.ts';
import type { WebhookSettings } from './webhook-settings.ts';

export interface SendContext {
  settings: WebhookSettings;
  /** Aborts every wait and request when the sandbox closes. */
  signal: AbortSignal;
  /** Takes a request slot (settings.maxConcurrentRequests). */
  slot: <T>(task: () => Promise<T>) => Promise<T>;
  clock: () => number;
}

/**
 * One request of up to 100 events, after the delay knob, resent as HubSpot resends: after a
 * 5xx, 429, timeout or failed connection, with growing waits and attemptNumber counting up,
 * at most maxRetries times. Any other answer ends it. Rejects only when the signal aborts.
 */
export async function sendWithRetries(batch: WebhookEvent[], ctx: SendContext): Promise<void> {
  const { settings, signal } = ctx;
  const wait = (ms: number) => sleep(ms, undefined, { signal, ref: false });
  if (settings.delayMs > 0) await wait(settings.delayMs);
  for (let attemptNumber = 0; ; attemptNumber += 1) {
    const body = JSON.stringify(batch.map((event) => ({ ...event, attemptNumber })));
    const outcome = await ctx.slot(() =>
      postDelivery({ ...settings, body, signal, now: ctx.clock }),
    );
    if (outcome.kind !== 'retry' || attemptNumber >= settings.maxRetries) return;
    // HubSpot honours Retry-After on a 429; the scale knob shrinks it like every other wait.
    const retryAfter = (outcome.retryAfterMs ?? 0) * settings.retryDelayScale;
    await wait(Math.max(retryDelayMs(attemptNumber, settings.retryDelayScale), retryAfter));
  }
}
