import { z } from 'zod';
import { closestMatch } from '../validation/closest-match.ts';

/**
 * A z.strictObject whose unknown keys are reported with a did-you-mean. The message holds one
 * line per unknown key, each with a {key} placeholder: describeConfigIssues splits it.
 */
export function strictSection<Shape extends z.core.$ZodLooseShape>(shape: Shape, where: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => unknownKeyMessage(key, known, where)).join('\n');
      }
      if (issue.code === 'invalid_type' && issue.input !== undefined) {
        return `Got ${describe(issue.input)}; ${where} takes an object of settings (${known.join(', ')}).`;
      }
      return undefined;
    },
  });
}

function unknownKeyMessage(key: string, known: readonly string[], where: string): string {
  if (/token|secret|password/i.test(key)) {
    return `"{key}" cannot be set here: secrets come only from the environment (HUBSPOT_ACCESS_TOKEN, HUBSPOT_CLIENT_SECRET). Remove it from the file.`;
  }
  const guess = closestMatch(key, known);
  const hint = guess ? `Did you mean "${guess}"?` : `Use ${known.join(', ')}.`;
  return `"{key}" is not a setting of ${where}. ${hint}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? `the text ${JSON.stringify(value)}` : String(value);
}
