import { SANDBOX_DEFAULTS } from './sandbox-defaults.ts';

/** What decides the content of a freshly seeded portal. */
export interface SeedSpec {
  seed: number;
  companies: number;
  /** YYYY-MM-DD. */
  referenceDate: string;
  /**
   * Months of usage history (and the churn it brings) kept before the reference month; 0 for
   * none. Absent in portals seeded before the history existed.
   */
  historyMonths?: number;
}

export interface SeedInput {
  seed?: number;
  companies?: number;
  referenceDate?: string | Date;
  historyMonths?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Fills in defaults and rejects values that cannot make a portal, naming the fix. */
export function seedSpec(input: SeedInput): SeedSpec {
  const referenceDate =
    input.referenceDate instanceof Date
      ? input.referenceDate.toISOString().slice(0, 10)
      : (input.referenceDate ?? SANDBOX_DEFAULTS.referenceDate);
  if (!DATE.test(referenceDate) || Number.isNaN(Date.parse(referenceDate))) {
    throw new Error(`referenceDate "${referenceDate}" is not a date: give YYYY-MM-DD or a Date`);
  }
  const companies = input.companies ?? SANDBOX_DEFAULTS.companies;
  if (!Number.isInteger(companies) || companies < 0 || companies > 1_000_000) {
    throw new Error(`companies must be a whole number from 0 to 1,000,000, got ${companies}`);
  }
  const seed = input.seed ?? SANDBOX_DEFAULTS.seed;
  if (!Number.isInteger(seed)) throw new Error(`seed must be a whole number, got ${seed}`);
  const historyMonths = input.historyMonths ?? SANDBOX_DEFAULTS.historyMonths;
  if (!Number.isInteger(historyMonths) || historyMonths < 0 || historyMonths > 120) {
    throw new Error(
      `historyMonths must be a whole number of months from 0 to 120, got ${historyMonths}`,
    );
  }
  return { seed, companies, referenceDate, historyMonths };
}
