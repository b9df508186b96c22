import type { ErrorFields } from './error-body.ts';

/** An error a handler throws to answer with HubSpot's status and standard error body. */
export class SandboxHttpError extends Error {
  readonly httpStatus: number;
  readonly fields: ErrorFields;

  constructor(
    httpStatus: number,
    category: string,
    message: string,
    extra: Partial<ErrorFields> = {},
  ) {
    super(message);
    this.httpStatus = httpStatus;
    this.fields = { message, category, ...extra };
  }
}

export const validationError = (message: string, extra: Partial<ErrorFields> = {}) =>
  new SandboxHttpError(400, 'VALIDATION_ERROR', message, extra);

export const notFoundError = (message: string, extra: Partial<ErrorFields> = {}) =>
  new SandboxHttpError(404, 'OBJECT_NOT_FOUND', message, extra);
