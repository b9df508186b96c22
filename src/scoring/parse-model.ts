import { describeIssues, type IssueReport } from '../validation/describe-issues.ts';
import { modelSchema, type Model } from './model-schema.ts';

export class ModelError extends Error {
  readonly source: string;
  readonly issues: IssueReport[];
  constructor(source: string, issues: IssueReport[]) {
    super(
      `The model in ${source} is not valid:\n` +
        issues.map((i) => `  ${i.path || '(top level)'}: ${i.message}`).join('\n'),
    );
    this.name = 'ModelError';
    this.source = source;
    this.issues = issues;
  }
}

/** Validates model data (already parsed from JSON or YAML); `source` names it in errors. */
export function parseModel(data: unknown, source: string): Model {
  const result = modelSchema.safeParse(data);
  if (!result.success) throw new ModelError(source, describeIssues(result.error.issues, data));
  return result.data;
}
