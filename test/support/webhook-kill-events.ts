// HubSpot's webhook deliveries for the webhook kill test: batches of company property changes,
// signed with v3 as HubSpot signs them, POSTed on a fresh connection each.
import { request } from 'node:http';
import { signLikeHubSpot } from '../unit/server/sign-like-hubspot.ts';

export const WEBHOOK_PATH = '/webhooks/hubspot';
/** The sandbox portal's hub id (SANDBOX_DEFAULTS.hubId). */
const PORTAL_ID = 48_000_001;
/** Another app than Vitals: an event with Vitals' own app id as its source would be ignored. */
const OTHER_APP = 7_700_001;

export interface WebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: 'object.propertyChange';
  attemptNumber: number;
  objectId: number;
  objectTypeId: '0-2';
  propertyName: string;
  propertyValue: string;
  changeSource: 'CRM_UI';
}

/**
 * `requests` deliveries of `perRequest` events each, event ids 1 … requests × perRequest;
 * `companyAt(request, slot)` says which company each event changes.
 */
export function companyChangeBatches(
  requests: number,
  perRequest: number,
  occurredAt: number,
  companyAt: (request: number, slot: number) => string,
): WebhookEvent[][] {
  return Array.from({ length: requests }, (_, r) =>
    Array.from({ length: perRequest }, (_, i): WebhookEvent => {
      const n = r * perRequest + i;
      return {
        eventId: n + 1,
        subscriptionId: 4_242,
        portalId: PORTAL_ID,
        appId: OTHER_APP,
        occurredAt: occurredAt + n,
        subscriptionType: 'object.propertyChange',
        attemptNumber: 0,
        objectId: Number(companyAt(r, i)),
        objectTypeId: '0-2',
        propertyName: 'product_login_pct_of_baseline',
        propertyValue: String(n % 100),
        changeSource: 'CRM_UI',
      };
    }),
  );
}

/** The same events as HubSpot's next attempt sends them. */
export function redelivery(events: readonly WebhookEvent[], attempt: number): WebhookEvent[] {
  return events.map((event) => ({ ...event, attemptNumber: attempt }));
}

/**
 * POSTs one delivery to 127.0.0.1:port, signed for `publicUrl` with `secret` at this moment:
 * the status, or 'error' when the connection failed or broke before an answer.
 */
export function deliver(
  port: number,
  publicUrl: string,
  secret: string,
  events: readonly WebhookEvent[],
): Promise<number | 'error'> {
  const body = JSON.stringify(events);
  const timestamp = String(Date.now());
  const signature = signLikeHubSpot({
    secret,
    method: 'POST',
    uri: publicUrl + WEBHOOK_PATH,
    body,
    timestamp,
  });
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: WEBHOOK_PATH,
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-hubspot-signature-v3': signature,
          'x-hubspot-request-timestamp': timestamp,
        },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 'error'));
        res.once('error', () => resolve('error'));
      },
    );
    req.once('error', () => resolve('error'));
    req.end(body);
  });
}
