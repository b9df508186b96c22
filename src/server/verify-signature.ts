import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Secret } from '../config/secret.ts';
import { decodeSignedUri } from './decode-signed-uri.ts';

/** HubSpot: reject a request whose timestamp is more than 5 minutes away from now. */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

export type SignatureFailure =
  'missing-signature' | 'missing-timestamp' | 'bad-timestamp' | 'expired' | 'mismatch';

export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureFailure };

export interface SignedRequest {
  method: string;
  /** The full public URL as received: public origin + path + query, escapes untouched. */
  uri: string;
  /** The body bytes exactly as received; '' when there is none. */
  rawBody: string | Buffer;
  /** The X-HubSpot-Signature-v3 header. */
  signature: string | undefined;
  /** The X-HubSpot-Request-Timestamp header (epoch milliseconds). */
  timestamp: string | undefined;
  clientSecret: Secret;
  now: Date;
}

/**
 * Checks HubSpot's v3 request signature: base64 HMAC-SHA256, keyed with the app's client
 * secret, of method + decoded URI + raw body + timestamp header.
 */
export function verifyHubSpotSignature(request: SignedRequest): SignatureCheck {
  const { signature, timestamp } = request;
  if (!signature) return { ok: false, reason: 'missing-signature' };
  if (!timestamp) return { ok: false, reason: 'missing-timestamp' };
  if (!/^\d{1,15}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp' };
  // Future timestamps are refused too: a skewed clock must not stretch the replay window.
  if (Math.abs(request.now.getTime() - Number(timestamp)) > SIGNATURE_WINDOW_MS) {
    return { ok: false, reason: 'expired' };
  }
  const expected = Buffer.from(expectedSignature(request, timestamp), 'utf8');
  const received = Buffer.from(signature, 'utf8');
  const same = expected.length === received.length && timingSafeEqual(expected, received);
  return same ? { ok: true } : { ok: false, reason: 'mismatch' };
}

function expectedSignature(request: SignedRequest, timestamp: string): string {
  return createHmac('sha256', request.clientSecret.reveal())
    .update(request.method + decodeSignedUri(request.uri), 'utf8')
    .update(request.rawBody)
    .update(timestamp, 'utf8')
    .digest('base64');
}
