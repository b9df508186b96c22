import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Secret } from '../../../src/config/secret.ts';
import { verifyHubSpotSignature } from '../../../src/server/verify-signature.ts';
import { parseWebhookEvents } from '../../../webhooks/parse-webhook-events.ts';
import { signLikeHubSpot } from '../../unit/server/sign-like-hubspot.ts';

/** A status to answer with; 'hang' answers 204 only after `hangMs`, 'drop' cuts the connection. */
export type Answer = number | 'hang' | 'drop';

export interface ReceivedDelivery {
  // Test code reads the events as sent.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  events: any[];
  /** Signed with HubSpot's v3 recipe, written out by hand, and a fresh timestamp. */
  signedLikeHubSpot: boolean;
  /** The app's own verifier and intake parser both take it. */
  appAccepts: boolean;
  answer: Answer;
  receivedAt: number;
}

export interface WebhookReceiver {
  /** The target URL to give the sandbox. */
  url: string;
  deliveries: ReceivedDelivery[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  events(): any[];
  close(): Promise<void>;
}

// A query with an escape HubSpot decodes before signing (%3A), to check both sides do.
const PATH = '/hooks/hubspot?source=sandbox%3Atest';

function appAccepts(uri: string, body: Buffer, signature?: string, timestamp?: string): boolean {
  const check = verifyHubSpotSignature({
    method: 'POST',
    uri,
    rawBody: body,
    signature,
    timestamp,
    clientSecret: new Secret(SECRET),
    now: new Date(),
  });
  try {
    parseWebhookEvents(body);
  } catch {
    return false;
  }
  return check.ok;
}

export const SECRET = 'sandbox-webhook-test-secret';

/**
 * An express app on a free port that checks each delivery's v3 signature and records it.
 * With `publicOrigin` it stands behind a proxy: requests are signed for that origin.
 */
export async function startWebhookReceiver(
  script: Answer[] = [],
  hangMs = 500,
  publicOrigin?: string,
): Promise<WebhookReceiver> {
  const deliveries: ReceivedDelivery[] = [];
  const app = express();
  let origin = '';
  app.post('/hooks/hubspot', express.raw({ type: () => true }), (req, res) => {
    const body = req.body as Buffer;
    const signature = req.get('X-HubSpot-Signature-v3');
    const timestamp = req.get('X-HubSpot-Request-Timestamp') ?? '';
    const uri = (publicOrigin ?? origin) + req.originalUrl;
    const expected = signLikeHubSpot({
      secret: SECRET,
      method: 'POST',
      uri: uri.replace('%3A', ':'),
      body: body.toString('utf8'),
      timestamp,
    });
    const answer = script.shift() ?? 204;
    deliveries.push({
      events: JSON.parse(body.toString('utf8')),
      signedLikeHubSpot:
        signature === expected && Math.abs(Date.now() - Number(timestamp)) < 5 * 60_000,
      appAccepts: appAccepts(uri, body, signature, timestamp),
      answer,
      receivedAt: Date.now(),
    });
    if (answer === 'drop') return void req.socket.destroy();
    if (answer === 'hang') return void setTimeout(() => res.status(204).end(), hangMs);
    res.status(answer).end();
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin + PATH,
    deliveries,
    events: () => deliveries.flatMap((delivery) => delivery.events),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
