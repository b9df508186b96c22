import { createHmac } from 'node:crypto';

/**
 * HubSpot's v3 recipe, written out for tests: base64(HMAC-SHA256(secret, method + uri + body +
 * timestamp)). `uri` is given already decoded, by hand, as HubSpot signs it.
 */
export function signLikeHubSpot(parts: {
  secret: string;
  method: string;
  uri: string;
  body?: string;
  timestamp: string;
}): string {
  const source = `${parts.method}${parts.uri}${parts.body ?? ''}${parts.timestamp}`;
  return createHmac('sha256', parts.secret).update(source, 'utf8').digest('base64');
}
