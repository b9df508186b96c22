import { normalizeValue } from './normalize-value.ts';
import type { PropertyValues } from './object-store.ts';
import type { PropertyDefinition } from './property-definition.ts';
import { validationError, type SandboxHttpError } from './sandbox-http-error.ts';

export interface ValueIssue {
  name: string;
  error: string;
  message: string;
}

export interface ValueCheck {
  definitions: ReadonlyMap<string, PropertyDefinition>;
  owners: ReadonlySet<string>;
  /** Properties that must have a value (a task's hs_timestamp). */
  required?: readonly string[];
}

function issueFor(check: ValueCheck, name: string, raw: unknown): ValueIssue | string | null {
  const def = check.definitions.get(name);
  if (!def)
    return { name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` };
  if (def.modificationMetadata.readOnlyValue) {
    const message = `"${name}" is a read only property; its value cannot be set.`;
    return { name, error: 'READ_ONLY_VALUE', message };
  }
  const outcome = normalizeValue(def, raw, check.owners);
  return 'error' in outcome ? { name, ...outcome } : outcome.value;
}

/** Validates every value of one input; returns the normalized values and what was wrong. */
export function validatePropertyValues(
  check: ValueCheck,
  values: Record<string, unknown>,
): { values: PropertyValues; issues: ValueIssue[] } {
  const normalized: PropertyValues = {};
  const issues: ValueIssue[] = [];
  for (const [name, raw] of Object.entries(values)) {
    const result = issueFor(check, name, raw);
    if (result !== null && typeof result === 'object') issues.push(result);
    else normalized[name] = result;
  }
  for (const name of check.required ?? []) {
    if ((normalized[name] ?? null) === null && !issues.some((issue) => issue.name === name)) {
      issues.push({ name, error: 'REQUIRED_PROPERTY', message: `Property "${name}" is required` });
    }
  }
  return { values: normalized, issues };
}

/** HubSpot's 400 for bad property values: the list as JSON in the message, and per-item errors. */
export function propertyValuesError(
  issues: readonly ValueIssue[],
  portalId: number,
): SandboxHttpError {
  const listed = issues.map((issue) => ({
    isValid: false,
    message: issue.message,
    error: issue.error,
    name: issue.name,
    localizedErrorMessage: issue.message,
    portalId,
  }));
  return validationError(`Property values were not valid: ${JSON.stringify(listed)}`, {
    errors: issues.map((issue) => ({
      message: issue.message,
      code: issue.error,
      context: { propertyName: [issue.name] },
    })),
  });
}
