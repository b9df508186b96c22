import type { IssueReport } from '../validation/describe-issues.ts';

/**
 * A bad environment variable, said as one sentence: the variable, its value and the fix. The
 * variable is the path, so callers list it like any other config problem.
 */
export function envIssue(variable: string, value: string, problem: string): IssueReport {
  return { path: variable, message: `${variable} is "${value}", ${problem}` };
}
