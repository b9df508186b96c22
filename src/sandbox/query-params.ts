import { validationError } from './sandbox-http-error.ts';

const one = (value: unknown): string | undefined =>
  Array.isArray(value)
    ? String(value[value.length - 1])
    : value === undefined
      ? undefined
      : String(value);

/** A whole-number query parameter within HubSpot's bounds; outside them is a 400, not a clamp. */
export function integerParam(
  value: unknown,
  name: string,
  fallback: number,
  min: number,
  max: number,
) {
  const text = one(value);
  if (text === undefined || text === '') return fallback;
  const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw validationError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`, {
      errors: [{ message: `must be between ${min} and ${max}`, in: name }],
    });
  }
  return number;
}

/** A paging cursor (`after`), which the sandbox hands out as a plain number. */
export function cursorParam(value: unknown, name = 'after'): number {
  const text = one(value);
  if (text === undefined || text === '') return 0;
  if (!/^\d{1,16}$/.test(text)) {
    throw validationError(`${name} "${text}" is not a paging cursor this endpoint returned`, {
      errors: [{ message: 'invalid paging cursor', in: name }],
    });
  }
  return Number(text);
}

/** A query parameter as one string, the last one when it is repeated. */
export const stringParam = one;
