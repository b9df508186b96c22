import { StoreError } from './store-error.ts';

/**
 * Normalises a time to `YYYY-MM-DDTHH:mm:ss.sssZ`: one fixed format, so stored times compare
 * correctly as text, whatever offset or precision the caller used.
 */
export function isoInstant(value: string, field: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) {
    throw new StoreError('invalid-input', `${field} must be an ISO-8601 time, got "${value}".`);
  }
  return time.toISOString();
}
