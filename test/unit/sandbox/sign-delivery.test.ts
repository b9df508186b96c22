import { describe, expect, it } from 'vitest';
import { Secret } from '../../../src/config/secret.ts';
import { signDelivery } from '../../../src/sandbox/sign-delivery.ts';
import { verifyHubSpotSignature } from '../../../src/server/verify-signature.ts';
import { signLikeHubSpot } from '../server/sign-like-hubspot.ts';

const body = '[{"eventId":1}]';
const timestamp = 1_764_000_000_000;

describe('signDelivery', () => {
  it('signs method + URI + body + timestamp with the v3 recipe', () => {
    const uri = 'https://vitals.example.com/webhooks/hubspot?a=1';
    const headers = signDelivery({ clientSecret: 's3cret', method: 'POST', uri, body, timestamp });
    expect(headers).toEqual({
      'X-HubSpot-Signature-v3': signLikeHubSpot({
        secret: 's3cret',
        method: 'POST',
        uri,
        body,
        timestamp: String(timestamp),
      }),
      'X-HubSpot-Request-Timestamp': String(timestamp),
    });
  });

  it('decodes only the escapes HubSpot decodes before signing', () => {
    const uri = 'https://vitals.example.com/hook?to=a%3Ab%2Fc&name=x%20y%25z';
    const headers = signDelivery({ clientSecret: 's', method: 'POST', uri, body, timestamp });
    expect(headers['X-HubSpot-Signature-v3']).toBe(
      signLikeHubSpot({
        secret: 's',
        method: 'POST',
        uri: 'https://vitals.example.com/hook?to=a:b/c&name=x%20y%25z',
        body,
        timestamp: String(timestamp),
      }),
    );
    const check = verifyHubSpotSignature({
      method: 'POST',
      uri,
      rawBody: body,
      signature: headers['X-HubSpot-Signature-v3'],
      timestamp: headers['X-HubSpot-Request-Timestamp'],
      clientSecret: new Secret('s'),
      now: new Date(timestamp),
    });
    expect(check).toEqual({ ok: true });
  });
});
