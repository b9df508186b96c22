import type { z } from 'zod';
import { describeIssues, formatPath, show, type PathPart } from '../validation/describe-issues.ts';
import { jsonDeeperThan } from '../validation/json-deeper-than.ts';
import { ApiError } from './api-error.ts';

/** No card request nests deeper than a few levels; a hostile one must not reach the parser. */
const MAX_DEPTH = 32;

/**
 * Parses the verified raw body (what signatureGuard leaves in req.body) with `schema`; a 400
 * naming the field and what it takes otherwise. `example` shows a body that would do.
 */
export function parseJsonBody<T>(raw: unknown, schema: z.ZodType<T>, example: string): T {
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  if (text.trim() === '') {
    throw new ApiError(400, `The request has no body: send JSON like ${example}.`);
  }
  if (jsonDeeperThan(text, MAX_DEPTH))
    throw new ApiError(
      400,
      `The body nests deeper than ${MAX_DEPTH} levels: send JSON like ${example}.`,
    );
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ApiError(
      400,
      `The body is not JSON (${(error as Error).message}): send JSON like ${example}.`,
    );
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => problemOf(issue, data));
  throw new ApiError(400, `${problems.join(' ')} Send JSON like ${example}.`);
}

function problemOf(issue: z.core.$ZodIssue, data: unknown): string {
  const field = formatPath(issue.path as PathPart[]) || 'The body';
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'string') {
    const value = valueAt(data, issue.path as PathPart[]);
    const bound =
      issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
    return `${field}: got ${show(value)}; it takes ${bound} characters (spaces around it do not count).`;
  }
  const [described] = describeIssues([issue], data);
  return `${field}: ${described!.message}`;
}

function valueAt(data: unknown, path: readonly PathPart[]): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathPart, unknown>)[part];
  }
  return current;
}
