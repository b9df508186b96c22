import { signDelivery } from './sign-delivery.ts';

export type DeliveryOutcome =
  | { kind: 'delivered'; status: number }
  /** HubSpot resends after a 5xx, a 429, a timeout or a failed connection. */
  | { kind: 'retry'; status?: number; retryAfterMs?: number; reason: string }
  /** Any other answer (a 4xx, a redirect) drops the delivery. */
  | { kind: 'rejected'; status: number };

export interface DeliveryRequest {
  /** The URL signed. */
  targetUrl: string;
  /** The URL called; default targetUrl. */
  deliverTo?: string | undefined;
  clientSecret: string;
  /** The JSON array of events, exactly as signed and sent. */
  body: string;
  timeoutMs: number;
  /** Aborts the request when the sandbox closes. */
  signal: AbortSignal;
  now: () => number;
}

function retryAfterMs(header: string | null): number | undefined {
  if (header === null || !/^\d{1,6}$/.test(header.trim())) return undefined;
  return Number(header.trim()) * 1000;
}

/** Sends one signed delivery and says what HubSpot would do next. */
export async function postDelivery(request: DeliveryRequest): Promise<DeliveryOutcome> {
  const headers = {
    'Content-Type': 'application/json',
    'User-Agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/) (Vitals sandbox)',
    ...signDelivery({
      ...request,
      method: 'POST',
      uri: request.targetUrl,
      timestamp: request.now(),
    }),
  };
  let res: Response;
  try {
    res = await fetch(request.deliverTo ?? request.targetUrl, {
      method: 'POST',
      headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(request.timeoutMs)]),
    });
    await res.arrayBuffer();
  } catch (error) {
    if (request.signal.aborted) throw error;
    const name = (error as Error).name;
    return { kind: 'retry', reason: name === 'TimeoutError' ? 'timeout' : 'network error' };
  }
  if (res.status >= 200 && res.status < 300) return { kind: 'delivered', status: res.status };
  if (res.status >= 500 || res.status === 429) {
    const wait = res.status === 429 ? retryAfterMs(res.headers.get('retry-after')) : undefined;
    return {
      kind: 'retry',
      status: res.status,
      reason: `status ${res.status}`,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    };
  }
  return { kind: 'rejected', status: res.status };
}
