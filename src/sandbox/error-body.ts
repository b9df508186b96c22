import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

/** One item of a standard error's `errors` list. */
export interface ErrorDetail {
  message: string;
  in?: string;
  code?: string;
  subCategory?: string;
  context?: Record<string, unknown>;
}

/** HubSpot's standard error body, minus the parts every error gets (status, correlationId). */
export interface ErrorFields {
  message: string;
  category?: string;
  subCategory?: string;
  errors?: ErrorDetail[];
  context?: Record<string, unknown>;
  links?: Record<string, string>;
  errorType?: string;
  policyName?: string;
}

/** Sends an error the way HubSpot does: JSON body and header sharing one correlation id. */
export function sendErrorBody(res: Response, httpStatus: number, fields: ErrorFields): void {
  const correlationId = randomUUID();
  const { message, ...rest } = fields;
  res.setHeader('X-HubSpot-Correlation-Id', correlationId);
  res.status(httpStatus).json({ status: 'error', message, correlationId, ...rest });
}
