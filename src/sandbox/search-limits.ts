import { LIMITS } from './batch-limits.ts';
import { validationError } from './sandbox-http-error.ts';

/**
 * HubSpot's search guide: "a maximum of five filterGroups with up to 6 filters in each group,
 * with a maximum of 18 filters in total", one sort, 200 results a page, and no paging past
 * 10,000 results (https://developers.hubspot.com/docs/api/crm/search#limitations). An August
 * 2024 changelog announced 10 a group and 25 in all; the guide still says 6 and 18, so the
 * sandbox holds to the stricter numbers.
 */
export const SEARCH_LIMITS = {
  filterGroups: 5,
  filtersPerGroup: 6,
  filters: 18,
  sorts: 1,
  page: LIMITS.searchPage,
  results: LIMITS.searchResults,
} as const;

interface SearchShape {
  groups: readonly { filters: readonly unknown[] }[];
  sorts: number;
  limit: number;
  after: number;
}

/** Refuses what HubSpot refuses, with its standard VALIDATION_ERROR body naming the field. */
export function checkSearchLimits({ groups, sorts, limit, after }: SearchShape): void {
  const refuse = (message: string, field: string): never => {
    throw validationError(message, { errors: [{ message, in: field }] });
  };
  if (groups.length > SEARCH_LIMITS.filterGroups) {
    refuse(
      `Too many filterGroups: ${groups.length} given, at most ${SEARCH_LIMITS.filterGroups} allowed.`,
      'filterGroups',
    );
  }
  groups.forEach(({ filters }, index) => {
    if (filters.length > SEARCH_LIMITS.filtersPerGroup) {
      refuse(
        `Too many filters in filterGroups[${index}]: ${filters.length} given, at most ${SEARCH_LIMITS.filtersPerGroup} a group.`,
        `filterGroups[${index}].filters`,
      );
    }
  });
  const total = groups.reduce((sum, group) => sum + group.filters.length, 0);
  if (total > SEARCH_LIMITS.filters) {
    refuse(
      `Too many filters: ${total} given, at most ${SEARCH_LIMITS.filters} in all filterGroups together.`,
      'filterGroups',
    );
  }
  if (sorts > SEARCH_LIMITS.sorts)
    refuse(`At most ${SEARCH_LIMITS.sorts} sort is allowed.`, 'sorts');
  if (limit > SEARCH_LIMITS.page) {
    refuse(`limit ${limit} is over the maximum page size of ${SEARCH_LIMITS.page}.`, 'limit');
  }
  if (after + limit > SEARCH_LIMITS.results) {
    refuse(
      `Search results stop at ${SEARCH_LIMITS.results}: after ${after} with limit ${limit} pages past them.`,
      'after',
    );
  }
}
