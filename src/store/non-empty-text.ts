import { StoreError } from './store-error.ts';

/** The value itself when it is a string with something besides whitespace. */
export function nonEmptyText(value: unknown, field: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw new StoreError(
    'invalid-input',
    `${field} must be a non-empty text, got ${JSON.stringify(value)}.`,
  );
}
