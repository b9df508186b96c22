import { createHmac } from 'node:crypto';

// HubSpot decodes these escapes in the URI, and only these, before it signs a v3 request:
// https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation
// Written out here rather than imported from the app, so the sandbox checks the app's verifier
// instead of sharing its mistakes.
const DECODED: Readonly<Record<string, string>> = {
  '3A': ':',
  '2F': '/',
  '3F': '?',
  '40': '@',
  '21': '!',
  '24': '$',
  '27': "'",
  '28': '(',
  '29': ')',
  '2A': '*',
  '2C': ',',
  '3B': ';',
};
const ESCAPE = new RegExp(`%(${Object.keys(DECODED).join('|')})`, 'gi');

export interface SignedDelivery {
  clientSecret: string;
  method: string;
  /** The subscription's target URL, as configured. */
  uri: string;
  body: string;
  /** Epoch milliseconds. */
  timestamp: number;
}

/** The v3 headers: base64 HMAC-SHA256 of method + decoded URI + body + timestamp. */
export function signDelivery(delivery: SignedDelivery): Record<string, string> {
  const uri = delivery.uri.replace(ESCAPE, (_escape, hex: string) => DECODED[hex.toUpperCase()]!);
  const timestamp = String(delivery.timestamp);
  const signature = createHmac('sha256', delivery.clientSecret)
    .update(`${delivery.method}${uri}${delivery.body}${timestamp}`, 'utf8')
    .digest('base64');
  return { 'X-HubSpot-Signature-v3': signature, 'X-HubSpot-Request-Timestamp': timestamp };
}
