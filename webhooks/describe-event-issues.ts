import type { z } from 'zod';
import { formatPath, show, type PathPart } from '../src/validation/describe-issues.ts';

/**
 * One line per zod issue: where, what came, and what it takes (the schema's messages say the
 * last), e.g. `[0].occurredAt: got "2026-01-01"; it takes epoch milliseconds …`.
 */
export function describeEventIssues(issues: readonly z.core.$ZodIssue[], data: unknown): string[] {
  return issues.map((issue) => {
    const path = issue.path as PathPart[];
    return `${formatPath(path) || 'The body'}: got ${show(valueAt(data, path))}; ${issue.message}.`;
  });
}

function valueAt(data: unknown, path: readonly PathPart[]): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathPart, unknown>)[part];
  }
  return current;
}
