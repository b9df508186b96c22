import type { z } from 'zod';
import { MalformedResponseError } from './malformed-response-error.ts';

const MAX_ISSUES = 5;

/** Checks an answer against the shape the gateway relies on; throws MalformedResponseError. */
export function parseResponse<S extends z.ZodType>(
  schema: S,
  data: unknown,
  endpoint: string,
): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw new MalformedResponseError(endpoint, issues);
}
