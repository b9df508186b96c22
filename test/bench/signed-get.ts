import { signLikeHubSpot } from '../unit/server/sign-like-hubspot.ts';

/**
 * A GET signed as HubSpot signs hubspot.fetch calls (v3), timed from sending it to the whole
 * answer received; the signing is left out of the time.
 */
export async function signedGet(
  base: string,
  path: string,
  { secret, publicUrl }: { secret: string; publicUrl: string },
): Promise<{ ms: number; status: number; text: string }> {
  const timestamp = String(Date.now());
  const signature = signLikeHubSpot({ secret, method: 'GET', uri: publicUrl + path, timestamp });
  const started = performance.now();
  const res = await fetch(base + path, {
    headers: { 'X-HubSpot-Signature-v3': signature, 'X-HubSpot-Request-Timestamp': timestamp },
  });
  const text = await res.text();
  return { ms: performance.now() - started, status: res.status, text };
}
