import type { WebhookLease } from '../sandbox/webhook-lease.ts';

/** Whether the change goes out as webhook events, and from which sandbox process. */
export function describeDelivery(deliverer: WebhookLease | undefined, changed: boolean): string {
  if (!changed) return 'Nothing changed, so there is no webhook event to send.\n';
  if (deliverer) {
    return `The sandbox at ${deliverer.url} (process ${deliverer.pid}) sends the subscribed webhook events to ${deliverer.targetUrl} within its gather window.\n`;
  }
  return 'No sandbox with webhooks is running, so no webhook event was sent: the change is saved in the portal, and Vitals sees it on its next full run. To see events arrive, start the sandbox with webhooks (vitals start) and change the record again.\n';
}
