import { validationError } from './sandbox-http-error.ts';

/**
 * HubSpot's input caps (its batch docs). A batch read asking for property history takes at most
 * 50 inputs: HubSpot refuses more with "The maximum number of inputs supported in a batch request
 * for property histories is 50", as integrations that hit it quote.
 */
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
export function checkBatchSize(count: number, max: number, withHistory = false): void {
  if (count > max) {
    throw validationError(
      withHistory
        ? `The maximum number of inputs supported in a batch request for property histories is ${max}. Please reduce the number of items and try again.`
        : `Batch input limit exceeded: ${count} inputs given, at most ${max} allowed.`,
      {
        context: { limit: [String(max)] },
      },
    );
  }
}
