import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type ErrorRequestHandler } from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Secret } from '../../../src/config/secret.ts';
import { signatureGuard } from '../../../src/server/signature-guard.ts';
import { signLikeHubSpot } from './sign-like-hubspot.ts';

const SECRET = 'guard-test-client-secret-0b5e';
const PUBLIC_URL = 'https://vitals.example.com';
const NOW = 1_767_225_600_000;

const logLines: string[] = [];
const log = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
let clock = NOW;
let server: Server;
let base: string;

function createApp() {
  const app = express();
  const guard = signatureGuard({
    clientSecret: new Secret(SECRET),
    publicUrl: PUBLIC_URL,
    now: () => new Date(clock),
    log,
  });
  const echo: express.RequestHandler = (req, res) => {
    const body: unknown = req.body;
    res.json({ verified: true, body: Buffer.isBuffer(body) ? body.toString('utf8') : null });
  };
  app.get('/api/cards/health', guard, echo);
  app.post('/webhooks', guard, echo);
  app.post('/misconfigured', express.json(), guard, echo);
  const onError: ErrorRequestHandler = (error: Error, _req, res, _next) => {
    res.status(500).json({ status: 'error', message: error.message });
  };
  app.use(onError);
  return app;
}

interface Send {
  method?: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

const send = ({ method = 'GET', path, body, headers = {} }: Send) =>
  fetch(base + path, {
    method,
    body,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
  });

/** Headers HubSpot would send for a request it signed over `signedUri` (decoded by hand). */
function signed(method: string, signedUri: string, body = '', secret = SECRET, at = NOW) {
  const timestamp = String(at);
  return {
    'X-HubSpot-Signature-v3': signLikeHubSpot({ secret, method, uri: signedUri, body, timestamp }),
    'X-HubSpot-Request-Timestamp': timestamp,
  };
}

const WEBHOOK_BODY = JSON.stringify([
  { eventId: 1, subscriptionId: 7, portalId: 62515, occurredAt: NOW, objectId: 42 },
]);

beforeAll(async () => {
  server = createApp().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  clock = NOW;
  logLines.length = 0;
});

describe('signatureGuard', () => {
  it('passes a GET whose query holds escapes HubSpot decodes before signing', async () => {
    const path = '/api/cards/health?companyId=42&email=a%40b.com&x=%3A&name=caf%C3%A9';
    const headers = signed(
      'GET',
      `${PUBLIC_URL}/api/cards/health?companyId=42&email=a@b.com&x=:&name=caf%C3%A9`,
    );
    const res = await send({ path, headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ verified: true, body: null });
  });

  it('passes a POST and hands the verified raw body to the route', async () => {
    const headers = signed('POST', `${PUBLIC_URL}/webhooks`, WEBHOOK_BODY);
    const res = await send({ method: 'POST', path: '/webhooks', body: WEBHOOK_BODY, headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ verified: true, body: WEBHOOK_BODY });
  });

  const webhook = (secret = SECRET, at = NOW, uri = `${PUBLIC_URL}/webhooks`) =>
    signed('POST', uri, WEBHOOK_BODY, secret, at);
  const { 'X-HubSpot-Signature-v3': goodSignature, 'X-HubSpot-Request-Timestamp': goodTimestamp } =
    webhook();
  const changedBody = WEBHOOK_BODY.replace('62515', '62516');

  it.each([
    ['a wrong secret', webhook('not-the-secret'), WEBHOOK_BODY, 'mismatch'],
    ['a body changed by one byte', webhook(), changedBody, 'mismatch'],
    [
      'another origin',
      webhook(SECRET, NOW, 'https://elsewhere.example.com/webhooks'),
      WEBHOOK_BODY,
      'mismatch',
    ],
    [
      'a signature of another length',
      { ...webhook(), 'X-HubSpot-Signature-v3': 'c2hvcnQ=' },
      WEBHOOK_BODY,
      'mismatch',
    ],
    [
      'a timestamp over five minutes old',
      webhook(SECRET, NOW - 5 * 60_000 - 1),
      WEBHOOK_BODY,
      'expired',
    ],
    [
      'a timestamp over five minutes ahead',
      webhook(SECRET, NOW + 5 * 60_000 + 1),
      WEBHOOK_BODY,
      'expired',
    ],
    [
      'no signature header',
      { 'X-HubSpot-Request-Timestamp': goodTimestamp },
      WEBHOOK_BODY,
      'missing-signature',
    ],
    [
      'no timestamp header',
      { 'X-HubSpot-Signature-v3': goodSignature },
      WEBHOOK_BODY,
      'missing-timestamp',
    ],
    ['no headers at all', {}, WEBHOOK_BODY, 'missing-signature'],
  ])('answers 401 to %s and logs why', async (_case, headers, body, reason) => {
    const res = await send({ method: 'POST', path: '/webhooks', body, headers });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      status: 'error',
      message: 'The request signature is missing or invalid.',
    });
    expect(logLines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 40, reason, method: 'POST', path: '/webhooks' }),
    ]);
  });

  it('never writes the secret or the signature to the log', async () => {
    const good = signed('GET', `${PUBLIC_URL}/api/cards/health?companyId=42`);
    const values = [SECRET, good['X-HubSpot-Signature-v3']];
    await send({
      path: '/api/cards/health?companyId=42',
      headers: { ...good, 'X-HubSpot-Request-Timestamp': String(NOW + 1) },
    });
    await send({ path: '/api/cards/health?companyId=43', headers: good });
    clock = NOW + 10 * 60_000;
    await send({ path: '/api/cards/health?companyId=42', headers: good });
    expect(logLines).toHaveLength(3);
    for (const value of values) expect(logLines.join('\n')).not.toContain(value);
  });

  it('leaves the query out of the logged path', async () => {
    await send({ path: '/api/cards/health?email=a%40b.com' });
    expect(JSON.parse(logLines[0]!)).toMatchObject({ path: '/api/cards/health' });
    expect(logLines[0]).not.toContain('b.com');
  });

  it('fails loudly when a body parser already consumed the body', async () => {
    const headers = signed('POST', `${PUBLIC_URL}/misconfigured`, WEBHOOK_BODY);
    const res = await send({ method: 'POST', path: '/misconfigured', body: WEBHOOK_BODY, headers });
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({
      message: expect.stringContaining('mount signatureGuard first'),
    });
  });

  it('refuses to start with a public URL that is not an origin, or an empty secret', () => {
    const options = { clientSecret: new Secret(SECRET), log };
    for (const publicUrl of [
      'vitals.example.com',
      'https://vitals.example.com/vitals',
      'ftp://x.example.com',
    ]) {
      expect(() => signatureGuard({ ...options, publicUrl })).toThrow(/VITALS_PUBLIC_URL/);
    }
    expect(() =>
      signatureGuard({ ...options, publicUrl: PUBLIC_URL, clientSecret: new Secret('') }),
    ).toThrow(/HUBSPOT_CLIENT_SECRET/);
  });
});
