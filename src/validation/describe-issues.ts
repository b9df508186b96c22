import type { z } from 'zod';

export interface IssueReport {
  /** Where the bad value sits, e.g. `accounts[2].signals.usage_depth`. */
  path: string;
  message: string;
}

/** Turns zod issues into one line each that names the field, the value and what is allowed. */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  prefix: PathPart[] = [],
): IssueReport[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...(issue.path as PathPart[])];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        message: issue.message.includes('{key}')
          ? issue.message.replaceAll('{key}', key)
          : `"${key}" is not a known field; remove it or check its spelling.`,
      }));
    }
    const value = valueAt(input, issue.path as PathPart[]);
    return [{ path: formatPath(path), message: messageFor(issue, value) }];
  });
}

export type PathPart = string | number;

export function formatPath(path: readonly PathPart[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? part : `${text}.${part}`;
  }, '');
}

export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(input: unknown, path: readonly PathPart[]): unknown {
  let current = input;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathPart, unknown>)[part];
  }
  return current;
}

function messageFor(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `This field is required (${issue.expected}).`;
      if (issue.message.startsWith('Invalid input'))
        return `Got ${show(value)}; expected ${issue.expected}.`;
      return issue.message;
    case 'invalid_value':
      if (issue.message.startsWith('Invalid')) {
        return `Got ${show(value)}; use one of ${issue.values.map((v) => show(v)).join(', ')}.`;
      }
      return issue.message;
    case 'too_small':
      if (!issue.message.startsWith('Too small')) return issue.message;
      return `Got ${show(value)}; the smallest allowed is ${String(issue.minimum)}.`;
    case 'too_big':
      if (!issue.message.startsWith('Too big')) return issue.message;
      return `Got ${show(value)}; the largest allowed is ${String(issue.maximum)}.`;
    case 'custom':
      return issue.message;
    default:
      return `Got ${show(value)}. ${issue.message}`;
  }
}
