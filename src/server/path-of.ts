import type { Request } from 'express';

/** The request's path without its query: what the log may show. */
export function pathOf(req: Request): string {
  return req.originalUrl.split('?', 1)[0]!;
}
