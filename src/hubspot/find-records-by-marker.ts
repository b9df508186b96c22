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
const CREATED = 'hs_createdate';

/**
 * A marker must be one token to HubSpot's search tokenizer, which splits text at anything but
 * letters and digits; 8 characters at least, so it cannot match an ordinary word.
 */
const MARKER = /^[A-Za-z0-9]{8,100}$/;

type SearchRequest = Parameters<GatewayContext['sdk']['notesSearch']['doSearch']>[0];
type Operator = NonNullable<SearchRequest['filterGroups']>[number]['filters'][number]['operator'];
const CONTAINS_TOKEN = 'CONTAINS_TOKEN' as Operator;

const pageSchema = z.object({
  results: z.array(recordSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/** Which records to search, and the property the markers were written into. */
export interface MarkerSearch {
  /** The gateway's endpoint name; ".search" puts it on the search budget (rate-limits.ts). */
  endpoint: string;
  /** "note", as the refusal of a bad marker names the record. */
  singular: string;
  bodyProperty: string;
  doSearch(request: SearchRequest): Promise<unknown>;
}

/**
 * Marker → id of the record whose body carries it (a token the caller wrote there when it
 * created the record). Markers no record carries are absent; when several records carry one
 * marker, the oldest wins. Search trails writes by a few seconds, so "not found" is only
 * certain for a record created longer ago than that.
 */
export async function findRecordsByMarker(
  ctx: GatewayContext,
  search: MarkerSearch,
  markers: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(markers)];
  const bad = wanted.find((marker) => !MARKER.test(marker));
  if (bad !== undefined) {
    const what = search.singular.charAt(0).toUpperCase() + search.singular.slice(1);
    throw new RangeError(
      `${what} marker "${bad}" is not 8 to 100 letters and digits: HubSpot's search would split ` +
        `it into several tokens and could match other ${search.singular}s.`,
    );
  }
  const found = new Map<string, HubSpotRecord>();
  for (const group of chunk(wanted, MARKERS_PER_REQUEST)) {
    for (const record of await searchMarkers(ctx, search, group)) {
      const tokens = tokenSet(record.properties[search.bodyProperty] ?? '');
      for (const marker of group) {
        if (!tokens.has(marker.toLowerCase())) continue;
        const known = found.get(marker);
        if (known === undefined || older(record, known)) found.set(marker, record);
      }
    }
  }
  return new Map([...found].map(([marker, record]) => [marker, record.id]));
}

/** Every record whose body has one of the markers (one filterGroup each, OR'ed), all pages. */
async function searchMarkers(
  ctx: GatewayContext,
  search: MarkerSearch,
  markers: readonly string[],
): Promise<HubSpotRecord[]> {
  const filterGroups = markers.map((marker) => ({
    filters: [{ propertyName: search.bodyProperty, operator: CONTAINS_TOKEN, value: marker }],
  }));
  return collectPages(search.endpoint, MAX_PAGES, async (after) => {
    const request: SearchRequest = {
      filterGroups,
      properties: [search.bodyProperty, CREATED],
      limit: PAGE_SIZE,
    };
    if (after !== undefined) request.after = after;
    const data = await ctx.call(search.endpoint, async () =>
      parseResponse(pageSchema, await search.doSearch(request), search.endpoint),
    );
    return { results: data.results, after: data.paging?.next?.after };
  });
}

/** The text's tokens as HubSpot's search sees them: runs of letters and digits, any case. */
export function tokenSet(text: string): Set<string> {
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
