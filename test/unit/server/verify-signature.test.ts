import { describe, expect, it } from 'vitest';
import { Secret } from '../../../src/config/secret.ts';
import { decodeSignedUri } from '../../../src/server/decode-signed-uri.ts';
import {
  SIGNATURE_WINDOW_MS,
  verifyHubSpotSignature,
  type SignedRequest,
} from '../../../src/server/verify-signature.ts';
import { signLikeHubSpot } from './sign-like-hubspot.ts';

const SECRET = 'vitals-known-vector-secret';
const SENT_AT = 1_767_225_600_000; // 2026-01-01T00:00:00Z

// Known vector, worked by hand from HubSpot's recipe and hashed with `openssl dgst -sha256
// -hmac … -binary | base64` over the source string
// POSThttps://vitals.example.com/api/cards/health?email=a@b.com&x=:&name=caf%C3%A9{"companyId":"42"}1767225600000
const VECTOR: SignedRequest = {
  method: 'POST',
  uri: 'https://vitals.example.com/api/cards/health?email=a%40b.com&x=%3A&name=caf%C3%A9',
  rawBody: '{"companyId":"42"}',
  signature: '2ljLeBktuWWkGgNIqYSflx2eJ8XIKUckuFgtduUQ254=',
  timestamp: String(SENT_AT),
  clientSecret: new Secret(SECRET),
  now: new Date(SENT_AT + 1_000),
};

const withChanges = (changes: Partial<SignedRequest>) =>
  verifyHubSpotSignature({ ...VECTOR, ...changes });

describe('verifyHubSpotSignature', () => {
  it('accepts the hand-worked vector, with the body as a string or as bytes', () => {
    expect(verifyHubSpotSignature(VECTOR)).toEqual({ ok: true });
    expect(withChanges({ rawBody: Buffer.from('{"companyId":"42"}') })).toEqual({ ok: true });
  });

  it('refuses a wrong secret, a changed byte, method, path or query', () => {
    const mismatch = { ok: false, reason: 'mismatch' };
    expect(withChanges({ clientSecret: new Secret(`${SECRET}x`) })).toEqual(mismatch);
    expect(withChanges({ rawBody: '{"companyId":"43"}' })).toEqual(mismatch);
    expect(withChanges({ method: 'PUT' })).toEqual(mismatch);
    expect(withChanges({ uri: VECTOR.uri.replace('health', 'healthy') })).toEqual(mismatch);
    expect(withChanges({ uri: VECTOR.uri.replace('x=%3A', 'x=%3B') })).toEqual(mismatch);
  });

  it('refuses a signature of another length without throwing', () => {
    for (const signature of ['short', `${VECTOR.signature}=`, 'é'.repeat(44)]) {
      expect(withChanges({ signature })).toEqual({ ok: false, reason: 'mismatch' });
    }
  });

  it('names the missing or malformed header', () => {
    expect(withChanges({ signature: undefined })).toEqual({
      ok: false,
      reason: 'missing-signature',
    });
    expect(withChanges({ signature: '' })).toEqual({ ok: false, reason: 'missing-signature' });
    expect(withChanges({ timestamp: undefined })).toEqual({
      ok: false,
      reason: 'missing-timestamp',
    });
    for (const timestamp of ['1767225600.5', '-1', 'soon', ' 1767225600000', '1e12']) {
      expect(withChanges({ timestamp })).toEqual({ ok: false, reason: 'bad-timestamp' });
    }
  });

  it('accepts up to five minutes either side of now and refuses beyond', () => {
    const at = (offset: number) => withChanges({ now: new Date(SENT_AT + offset) });
    expect(at(SIGNATURE_WINDOW_MS)).toEqual({ ok: true });
    expect(at(-SIGNATURE_WINDOW_MS)).toEqual({ ok: true });
    expect(at(SIGNATURE_WINDOW_MS + 1)).toEqual({ ok: false, reason: 'expired' });
    expect(at(-SIGNATURE_WINDOW_MS - 1)).toEqual({ ok: false, reason: 'expired' });
  });

  it('checks the window before the signature, so an old replay is reported as expired', () => {
    const now = new Date(SENT_AT + 60 * 60 * 1000);
    expect(withChanges({ now })).toEqual({ ok: false, reason: 'expired' });
  });

  it('signs over the timestamp as sent, so a changed timestamp fails', () => {
    expect(withChanges({ timestamp: String(SENT_AT + 1) })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('accepts a GET without a body', () => {
    const uri = 'https://vitals.example.com/api/cards/health?companyId=42';
    const timestamp = String(SENT_AT);
    const signature = signLikeHubSpot({ secret: SECRET, method: 'GET', uri, timestamp });
    expect(withChanges({ method: 'GET', uri, rawBody: '', signature, timestamp })).toEqual({
      ok: true,
    });
  });
});

describe('decodeSignedUri', () => {
  it("decodes exactly HubSpot's twelve escapes, in either case", () => {
    expect(decodeSignedUri('/?q=%3A%2F%3F%40%21%24%27%28%29%2A%2C%3B')).toBe("/?q=:/?@!$'()*,;");
    expect(decodeSignedUri('/?q=%3a%2f%3f%2a%2c%3b')).toBe('/?q=:/?*,;');
  });

  it('leaves every other escape as sent', () => {
    const kept = '/?q=%20%2B%26%3D%23%25%5B%5D%C3%A9%7E+';
    expect(decodeSignedUri(kept)).toBe(kept);
  });

  it('decodes once, so a double-encoded escape stays encoded', () => {
    expect(decodeSignedUri('/?q=%253A%2540')).toBe('/?q=%253A%2540');
  });
});
