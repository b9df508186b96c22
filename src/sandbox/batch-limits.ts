import { validationError } from './sandbox-http-error.ts';

/** HubSpot's input caps (its batch docs); history reads lower the batch cap [unverified: 50]. */
export const LIMITS = {
  listPage: 100,
  listPageWithHistory: 50,
  batchInputs: 100,
  batchInputsWithHistory: 50,
  associationInputs: 1_000,
  searchPage: 200,
  searchResults: 10_000,
  ownersPage: 500,
  sequencesPage: 100,
} as const;

/** Refuses a batch larger than HubSpot accepts, before any of it is applied. */
export function checkBatchSize(count: number, max: number): void {
  if (count > max) {
    throw validationError(
      `Batch input limit exceeded: ${count} inputs given, at most ${max} allowed.`,
      {
        context: { limit: [String(max)] },
      },
    );
  }
}
