import type { IssueReport } from '../validation/describe-issues.ts';

/** The config cannot be used; `issues` lists every problem with its path and fix. */
export class ConfigError extends Error {
  readonly source: string;
  readonly issues: IssueReport[];

  constructor(source: string, issues: IssueReport[]) {
    const count = issues.length === 1 ? 'a problem' : `${issues.length} problems`;
    super(
      `The configuration has ${count} (${source}):\n` +
        issues.map((i) => `  ${i.path || '(top level)'}: ${i.message}`).join('\n') +
        '\nFix the config and start again; vitals.config.example.yaml shows every setting.',
    );
    this.name = 'ConfigError';
    this.source = source;
    this.issues = issues;
  }
}
