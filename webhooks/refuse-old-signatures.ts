import type { RequestHandler } from 'express';
import type { SignatureGuardLog } from '../src/server/signature-guard.ts';
import { pathOf } from '../src/server/path-of.ts';

/** The same body as every other refusal: the reason is in the log only. */
export const SIGNATURE_REFUSAL = {
  status: 'error',
  message: 'The request signature is missing or invalid.',
};

/**
 * Refuses (401) a request that carries only an older HubSpot signature (X-HubSpot-Signature with
 * X-HubSpot-Signature-Version v1/v2) and no v3 one, and logs which version came. HubSpot sends v3
 * on every request and the older ones beside it only for backwards compatibility, so Vitals never
 * accepts those: see webhooks/README.md.
 */
export function refuseOldSignatures(log: SignatureGuardLog): RequestHandler {
  return (req, res, next) => {
    const older = req.get('X-HubSpot-Signature') ?? req.get('X-HubSpot-Signature-Version');
    if (req.get('X-HubSpot-Signature-v3') || older === undefined) {
      next();
      return;
    }
    const version = req.get('X-HubSpot-Signature-Version') ?? 'none';
    log.warn(
      {
        reason: 'older-signature-version',
        // The header as sent, when it looks like one; never the signature itself.
        signatureVersion: /^v\d{1,2}$/i.test(version) ? version : 'not a version',
        method: req.method,
        path: pathOf(req),
      },
      'Refused a request signed only with an older HubSpot signature version: Vitals checks v3',
    );
    res.status(401).json(SIGNATURE_REFUSAL);
  };
}
