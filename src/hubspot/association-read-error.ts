import type { BatchItemError } from './batch-item-errors.ts';
import { HubSpotError } from './hubspot-error.ts';
import type { AssociatedRecord } from './read-associations.ts';

const SHOWN = 5;

/**
 * HubSpot answered some inputs of an association read with an error other than "no
 * associations found": whether those records have any associations is unknown, and must not be
 * taken for "none". The rest was read in full and travels with the error, so a caller can go
 * on without the failed records instead of failing as a whole.
 */
export class AssociationReadError extends HubSpotError {
  /** Each input HubSpot did not answer, with HubSpot's category and words. */
  readonly failures: readonly BatchItemError[];
  /** Every other input, with all pages of its associations read. */
  readonly associations: ReadonlyMap<string, AssociatedRecord[]>;

  constructor(
    route: { fromType: string; toType: string },
    failures: readonly BatchItemError[],
    associations: ReadonlyMap<string, AssociatedRecord[]>,
  ) {
    const first = failures[0];
    const ids = failures.map((failure) => failure.id);
    const named = ids.slice(0, SHOWN).join(', ') + (ids.length > SHOWN ? ', …' : '');
    super(
      `HubSpot did not return the ${route.toType} of ${route.fromType} ${named}: ` +
        `${first?.category ?? 'UNKNOWN'} “${first?.message ?? ''}”. Whether they have any is ` +
        'unknown, so nothing was inferred for them; try again, and if it persists check those ' +
        'records in HubSpot.',
      {
        endpoint: 'associations.batchRead',
        status: 207,
        category: first?.category ?? 'UNKNOWN',
        hubspotMessage: first?.message,
      },
    );
    this.name = 'AssociationReadError';
    this.failures = failures;
    this.associations = associations;
  }
}
