import { z } from 'zod';
import { describeIssues, formatPath, show } from '../validation/describe-issues.ts';
import { ACCOUNT_FIELDS, accountSchema, type ValidAccount } from './account-schema.ts';
import type { CompiledModel } from './compile-model.ts';
import { unknownFields, type IgnoredField } from './unknown-fields.ts';

export interface AccountError {
  /** The account's id when it has a usable one. */
  id: string | null;
  path: string;
  message: string;
}

export class AccountsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountsFileError';
  }
}

const fileSchema = z.object({ accounts: z.array(z.unknown()) });

/**
 * Splits an input file's accounts into valid ones and errors, so one bad account never stops
 * the others, and lists the top-level fields it ignored. Throws AccountsFileError when the file
 * as a whole has the wrong shape.
 */
export function parseAccounts(
  data: unknown,
  model: CompiledModel,
): { accounts: ValidAccount[]; errors: AccountError[]; ignored: IgnoredField[] } {
  const file = fileSchema.safeParse(data);
  if (!file.success) {
    throw new AccountsFileError(
      `Expected an object with an "accounts" list, like {"accounts": [{"id": "1", "signals": {…}}]}; got ${show(data)}.`,
    );
  }
  const schema = accountSchema(model);
  const accounts: ValidAccount[] = [];
  const errors: AccountError[] = [];
  const seen = new Set<string>();
  file.data.accounts.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    const id = idOf(raw);
    if (!result.success) {
      for (const issue of describeIssues(result.error.issues, raw, ['accounts', index]))
        errors.push({ id, ...issue });
    } else if (seen.has(result.data.id)) {
      errors.push({
        id,
        path: formatPath(['accounts', index, 'id']),
        message: `The id ${show(id)} is used by an earlier account; ids must be unique.`,
      });
    } else {
      seen.add(result.data.id);
      accounts.push(result.data);
    }
  });
  return { accounts, errors, ignored: unknownFields(file.data.accounts, ACCOUNT_FIELDS) };
}

function idOf(raw: unknown): string | null {
  if (raw === null || typeof raw !== 'object') return null;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}
