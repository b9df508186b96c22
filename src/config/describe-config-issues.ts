import type { z } from 'zod';
import { describeIssues, type IssueReport } from '../validation/describe-issues.ts';

/**
 * describeIssues, after splitting each unknown-keys issue of strictSection into one issue per
 * key, so each key gets its own did-you-mean, and showing a bad record key's message as given.
 */
export function describeConfigIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
): IssueReport[] {
  const split = issues.flatMap((issue): z.core.$ZodIssue[] => {
    // The message of a bad record key names the key; the value at its path is not what is wrong.
    if (issue.code === 'invalid_key') return [{ ...issue, code: 'custom' }];
    if (issue.code !== 'unrecognized_keys' || issue.keys.length < 2) return [issue];
    const lines = issue.message.split('\n');
    if (lines.length !== issue.keys.length) return [issue];
    return issue.keys.map((key, i) => ({ ...issue, keys: [key], message: lines[i]! }));
  });
  return describeIssues(split, input);
}
