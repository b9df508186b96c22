import type { z } from 'zod';
import { validationError } from './sandbox-http-error.ts';

/** Parses a request body with a zod schema; a mismatch is HubSpot's 400 naming each field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    message: issue.message,
    in: issue.path.join('.') || 'body',
    code: issue.code,
  }));
  const first = errors[0];
  throw validationError(
    `Invalid input JSON: ${first ? `${first.in}: ${first.message}` : 'malformed body'}`,
    { errors },
  );
}
