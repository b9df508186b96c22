import { z } from 'zod';
import { chunk } from './chunk.ts';
import { collectPages } from './collect-pages.ts';
import type { GatewayContext } from './gateway-context.ts';
import { parseResponse } from './parse-response.ts';
import { recordSchema, type HubSpotRecord } from './record-schema.ts';

// Search takes at most 5 filterGroups (of up to 6 filters, 18 in all), pages at most 200
// results and answers 400 to paging past 10,000: one marker a group, 5 a request, and never a
// page beyond the cap. https://developers.hubspot.com/docs/api/crm/search#limitations
const MARKERS_PER_REQUEST = 5;
const PAGE_SIZE = 200;
const RESULT_CAP = 10_000;
const MAX_PAGES = RESULT_CAP / PAGE_SIZE;
// The ".search" suffix puts these calls on the gateway's separate search budget (rate-limits.ts).
const ENDPOINT = 'tasks.search';
const BODY = 'hs_task_body';
const CREATED = 'hs_createdate';

/**
 * A marker must be one token to HubSpot's search tokenizer, which splits text at anything but
 * letters and digits; 8 characters at least, so it cannot match an ordinary word.
 */
const MARKER = /^[A-Za-z0-9]{8,100}$/;

type SearchRequest = Parameters<GatewayContext['sdk']['tasksSearch']['doSearch']>[0];
type Operator = NonNullable<SearchRequest['filterGroups']>[number]['filters'][number]['operator'];
const CONTAINS_TOKEN = 'CONTAINS_TOKEN' as Operator;

const pageSchema = z.object({
  results: z.array(recordSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/**
 * Finds the tasks whose body carries each marker (a token the caller wrote into hs_task_body
 * when it created the task), so a run that crashed between creating tasks and recording them
 * can learn their ids. Markers no task carries are absent from the map; when several tasks
 * carry one marker, the oldest wins.
 *
 * HubSpot's search index trails writes by a few seconds, so a task created moments ago may not
 * be found yet: "not found" is only certain for a task created longer ago than that.
 */
export async function findTasksByMarker(
  ctx: GatewayContext,
  markers: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(markers)];
  const bad = wanted.find((marker) => !MARKER.test(marker));
  if (bad !== undefined) {
    throw new RangeError(
      `Task marker "${bad}" is not 8 to 100 letters and digits: HubSpot's search would split ` +
        'it into several tokens and could match other tasks.',
    );
  }
  const found = new Map<string, HubSpotRecord>();
  for (const group of chunk(wanted, MARKERS_PER_REQUEST)) {
    for (const task of await searchMarkers(ctx, group)) {
      const tokens = tokenSet(task.properties[BODY] ?? '');
      for (const marker of group) {
        if (!tokens.has(marker.toLowerCase())) continue;
        const known = found.get(marker);
        if (known === undefined || older(task, known)) found.set(marker, task);
      }
    }
  }
  return new Map([...found].map(([marker, task]) => [marker, task.id]));
}

/** Every task whose body has one of the markers (one filterGroup each, OR'ed), all pages. */
async function searchMarkers(
  ctx: GatewayContext,
  markers: readonly string[],
): Promise<HubSpotRecord[]> {
  const filterGroups = markers.map((marker) => ({
    filters: [{ propertyName: BODY, operator: CONTAINS_TOKEN, value: marker }],
  }));
  return collectPages(ENDPOINT, MAX_PAGES, async (after) => {
    const request: SearchRequest = { filterGroups, properties: [BODY, CREATED], limit: PAGE_SIZE };
    if (after !== undefined) request.after = after;
    const data = await ctx.call(ENDPOINT, async () =>
      parseResponse(pageSchema, await ctx.sdk.tasksSearch.doSearch(request), ENDPOINT),
    );
    return { results: data.results, after: data.paging?.next?.after };
  });
}

/** The body's tokens as HubSpot's search sees them: runs of letters and digits, any case. */
function tokenSet(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
}

function older(a: HubSpotRecord, b: HubSpotRecord): boolean {
  const at = Date.parse(a.properties[CREATED] ?? '');
  const bt = Date.parse(b.properties[CREATED] ?? '');
  if (at !== bt && !Number.isNaN(at) && !Number.isNaN(bt)) return at < bt;
  return a.id.length !== b.id.length ? a.id.length < b.id.length : a.id < b.id;
}
