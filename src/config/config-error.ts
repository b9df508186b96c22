import type { IssueReport } from '../validation/describe-issues.ts';

/**
 * The config cannot be used; `issues` lists every problem with its path and fix, the config
 * file's first, then the environment's (whose path is the variable).
 */
export class ConfigError extends Error {
  readonly source: string;
  readonly issues: IssueReport[];
  /** The problems that are the environment's: there is nothing to fix in the file for them. */
  readonly envIssues: IssueReport[];

  constructor(source: string, fileIssues: IssueReport[], envIssues: IssueReport[] = []) {
    super([...fileProblems(source, fileIssues), ...envIssues.map((i) => i.message)].join('\n'));
    this.name = 'ConfigError';
    this.source = source;
    this.issues = [...fileIssues, ...envIssues];
    this.envIssues = envIssues;
  }
}

function fileProblems(source: string, issues: IssueReport[]): string[] {
  if (issues.length === 0) return [];
  const count = issues.length === 1 ? 'a problem' : `${issues.length} problems`;
  return [
    `The configuration has ${count} (${source}):`,
    ...issues.map((i) => `  ${i.path || '(top level)'}: ${i.message}`),
    'Fix the config and start again; vitals.config.example.yaml shows every setting.',
  ];
}
