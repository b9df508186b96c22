import { z } from 'zod';
import type { GatewayContext } from './gateway-context.ts';
import { MalformedResponseError } from './malformed-response-error.ts';
import { parseResponse } from './parse-response.ts';
import { recordSchema, type HubSpotRecord } from './record-schema.ts';

// Search ORs at most 5 filterGroups of at most 6 filters, pages at most 200 results and cannot
// page past 10,000 (https://developers.hubspot.com/docs/api/crm/search#limitations): pages are
// asked for by id instead (hs_object_id above the last one seen), which has no such end.
const TOKENS_PER_REQUEST = 5;
const PAGE_SIZE = 200;
const MAX_PAGES = 5000;
// The ".search" suffix puts these calls on the gateway's separate search budget (rate-limits.ts).
const ENDPOINT = 'tasks.search';

/** What a found task says of itself. */
export const OPEN_TASK_PROPERTIES = [
  'hs_task_subject',
  'hs_task_body',
  'hs_task_status',
  'hs_task_priority',
  'hs_task_type',
  'hs_timestamp',
  'hubspot_owner_id',
  'hs_createdate',
] as const;

type SearchRequest = Parameters<GatewayContext['sdk']['tasksSearch']['doSearch']>[0];
type Filter = NonNullable<SearchRequest['filterGroups']>[number]['filters'][number];

const pageSchema = z.object({
  results: z.array(recordSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/**
 * Every task not completed whose body holds one of the tokens (CONTAINS_TOKEN: a whole word to
 * HubSpot's search, or a word with `*` for the rest of it), oldest first, with
 * OPEN_TASK_PROPERTIES. Search trails writes by seconds: a task made just now may be missing.
 */
export async function findOpenTasks(
  ctx: GatewayContext,
  tokens: readonly string[],
): Promise<HubSpotRecord[]> {
  if (tokens.length === 0 || tokens.length > TOKENS_PER_REQUEST) {
    throw new RangeError(`findOpenTasks takes 1 to ${TOKENS_PER_REQUEST} tokens.`);
  }
  const found: HubSpotRecord[] = [];
  let after = '0';
  for (let page = 0; page < MAX_PAGES; page++) {
    const data = await ctx.call(ENDPOINT, async () =>
      parseResponse(
        pageSchema,
        await ctx.sdk.tasksSearch.doSearch(request(tokens, after)),
        ENDPOINT,
      ),
    );
    found.push(...data.results);
    const last = data.results.at(-1)?.id;
    if (data.paging?.next === undefined || last === undefined) return found;
    if (Number(last) <= Number(after))
      throw new MalformedResponseError(ENDPOINT, [`ids stopped growing at ${last}`]);
    after = last;
  }
  throw new MalformedResponseError(ENDPOINT, [`still paging after ${MAX_PAGES} pages`]);
}

function request(tokens: readonly string[], afterId: string): SearchRequest {
  const filter = (propertyName: string, operator: string, value: string) =>
    ({ propertyName, operator, value }) as unknown as Filter;
  return {
    filterGroups: tokens.map((token) => ({
      filters: [
        filter('hs_task_body', 'CONTAINS_TOKEN', token),
        filter('hs_task_status', 'NEQ', 'COMPLETED'),
        filter('hs_object_id', 'GT', afterId),
      ],
    })),
    // HubSpot's sort is { propertyName, direction }; the client's type says string.
    sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' } as unknown as string],
    properties: [...OPEN_TASK_PROPERTIES],
    limit: PAGE_SIZE,
  };
}
