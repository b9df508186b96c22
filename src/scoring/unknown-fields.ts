import { closestMatch } from '../validation/closest-match.ts';

/** A top-level field of the accounts that Vitals does not read, and how many accounts have it. */
export interface IgnoredField {
  field: string;
  accounts: number;
  /** The known field it may be a typo of. */
  closest: string | null;
}

/** Counts, per field name, the accounts carrying fields outside `known`; first seen first. */
export function unknownFields(
  accounts: readonly unknown[],
  known: readonly string[],
): IgnoredField[] {
  const counts = new Map<string, number>();
  for (const account of accounts) {
    if (account === null || typeof account !== 'object' || Array.isArray(account)) continue;
    for (const field of Object.keys(account)) {
      if (!known.includes(field)) counts.set(field, (counts.get(field) ?? 0) + 1);
    }
  }
  return [...counts].map(([field, count]) => ({
    field,
    accounts: count,
    closest: closestMatch(field, known),
  }));
}
