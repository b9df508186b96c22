import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import type { Secret } from '../config/secret.ts';
import { verifyHubSpotSignature } from './verify-signature.ts';

/** Where refusals are reported; a pino logger fits. */
export interface SignatureGuardLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface SignatureGuardOptions {
  clientSecret: Secret;
  /** VITALS_PUBLIC_URL: the origin HubSpot calls, e.g. https://vitals.example.com. */
  publicUrl: string;
  log: SignatureGuardLog;
  now?: () => Date;
  /** Largest body read; hubspot.fetch caps payloads at 1 MB. */
  bodyLimit?: string | number;
}

const REFUSAL = { status: 'error', message: 'The request signature is missing or invalid.' };

/**
 * Refuses (401) any request without a valid HubSpot v3 signature. It reads the body itself,
 * as raw bytes, so mount it before any body parser; after it, `req.body` is the verified
 * Buffer (undefined when the request had no body) for the route to parse.
 */
export function signatureGuard(options: SignatureGuardOptions): RequestHandler {
  const origin = publicOrigin(options.publicUrl);
  if (options.clientSecret.reveal() === '') {
    throw new Error('HUBSPOT_CLIENT_SECRET is empty: set it to the app’s client secret.');
  }
  const now = options.now ?? (() => new Date());
  const readRawBody = express.raw({ type: () => true, limit: options.bodyLimit ?? '1mb' });

  const verify = (req: Request, res: Response, next: NextFunction) => {
    const rawBody: unknown = req.body ?? '';
    if (!Buffer.isBuffer(rawBody) && rawBody !== '') {
      next(new Error('A body parser ran before signatureGuard: mount signatureGuard first.'));
      return;
    }
    const check = verifyHubSpotSignature({
      method: req.method,
      uri: origin + req.originalUrl,
      rawBody,
      signature: req.get('X-HubSpot-Signature-v3'),
      timestamp: req.get('X-HubSpot-Request-Timestamp'),
      clientSecret: options.clientSecret,
      now: now(),
    });
    if (check.ok) {
      next();
      return;
    }
    const path = req.originalUrl.split('?', 1)[0];
    options.log.warn(
      { reason: check.reason, method: req.method, path },
      'Refused a request without a valid HubSpot signature',
    );
    res.status(401).json(REFUSAL);
  };

  return (req, res, next) => {
    readRawBody(req, res, (error?: unknown) => (error ? next(error) : verify(req, res, next)));
  };
}

function publicOrigin(publicUrl: string): string {
  const url = URL.parse(publicUrl);
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `VITALS_PUBLIC_URL must be the public origin only, like https://vitals.example.com ` +
        `(got "${publicUrl}"): the signed URI is that origin + the path as received.`,
    );
  }
  return url.origin;
}
