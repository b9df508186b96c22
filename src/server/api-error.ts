/**
 * An answer the card API gives on purpose: the HTTP status and, in plain words, what is wrong
 * and what to do. The error handler sends it as `errorSchema`; `body` replaces that when a
 * route's contract has its own shape (404 not-scored).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown> | undefined;

  constructor(status: number, message: string, body?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}
