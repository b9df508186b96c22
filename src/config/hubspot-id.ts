import { z } from 'zod';
import { show } from '../validation/describe-issues.ts';

/**
 * A HubSpot id (owner, user, sequence): digits, kept as text. YAML reads an unquoted id as a
 * number, so whole numbers are accepted and turned into text; `what` names the id in messages,
 * e.g. "a HubSpot owner id".
 */
export function hubspotId(what: string, example: string) {
  return z.unknown().transform((value, ctx) => {
    if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim();
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
      return String(value);
    }
    ctx.addIssue({ code: 'custom', message: idMessage(value, what, example) });
    return z.NEVER;
  });
}

/** The message for a value that is not a HubSpot id. */
export function idMessage(value: unknown, what: string, example: string): string {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
    return `Got ${show(value)}: too long a number to read exactly. Write ${what} in quotes, e.g. "${example}".`;
  }
  return `Got ${show(value)}; use ${what}: digits only, e.g. "${example}".`;
}
