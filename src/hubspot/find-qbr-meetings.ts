import { z } from 'zod';
import { tokenSet } from './find-records-by-marker.ts';
import type { GatewayContext } from './gateway-context.ts';
import { MalformedResponseError } from './malformed-response-error.ts';
import { parseResponse } from './parse-response.ts';
import { readAssociations } from './read-associations.ts';
import { recordSchema, type HubSpotRecord } from './record-schema.ts';

export interface QbrMeetingQuery {
  /** One word of letters and digits that the meeting's title carries, e.g. "QBR". */
  titleToken: string;
  /** The start times to look between, both included: ISO 8601 instants. */
  from: string;
  to: string;
}

export interface QbrMeeting {
  id: string;
  title: string;
  /** hs_meeting_start_time as an ISO 8601 instant (UTC). */
  startTime: string;
  /** hs_meeting_outcome (SCHEDULED, COMPLETED, RESCHEDULED, NO_SHOW), null when unset. */
  outcome: string | null;
  companyIds: string[];
}

// Search pages at most 200 results and cannot page past 10,000
// (https://developers.hubspot.com/docs/api/crm/search#limitations): pages are asked for by id
// instead (hs_object_id above the last one seen), which has no such end.
const PAGE_SIZE = 200;
const MAX_PAGES = 5000;
// The ".search" suffix puts these calls on the gateway's separate search budget (rate-limits.ts).
const ENDPOINT = 'meetings.search';
const TITLE = 'hs_meeting_title';
const START = 'hs_meeting_start_time';
const OUTCOME = 'hs_meeting_outcome';
const TOKEN = /^[A-Za-z0-9]{1,100}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

type SearchRequest = Parameters<GatewayContext['sdk']['meetingsSearch']['doSearch']>[0];
type Filter = NonNullable<SearchRequest['filterGroups']>[number]['filters'][number];

const pageSchema = z.object({
  results: z.array(recordSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/**
 * The meetings whose title carries the token and whose start time is in [from, to], with the
 * companies each is on, soonest first. Canceled meetings are left out. Search finds them (on the
 * search budget, a few seconds behind writes), then one associations batch read per 1,000
 * meetings names their companies; that read throws AssociationReadError when HubSpot could not
 * answer for some meetings.
 */
export async function findQbrMeetings(
  ctx: GatewayContext,
  query: QbrMeetingQuery,
): Promise<QbrMeeting[]> {
  const window = checkQuery(query);
  const found = (await searchMeetings(ctx, query.titleToken, window)).flatMap((record) => {
    const meeting = qbrMeeting(record, query.titleToken, window);
    return meeting ? [meeting] : [];
  });
  if (found.length === 0) return [];
  const companies = await readAssociations(
    ctx,
    'meetings',
    'companies',
    found.map((meeting) => meeting.id),
  );
  return found
    .map((meeting) => ({ ...meeting, companyIds: companies.get(meeting.id) ?? [] }))
    .sort((a, b) => a.startTime.localeCompare(b.startTime) || Number(a.id) - Number(b.id));
}

interface Window {
  fromMs: number;
  toMs: number;
}

function checkQuery({ titleToken, from, to }: QbrMeetingQuery): Window {
  if (!TOKEN.test(titleToken)) {
    throw new RangeError(
      `Title token "${titleToken}" is not one word of letters and digits: HubSpot's search ` +
        'splits titles at anything else, so it would never match as one token. Give e.g. "QBR".',
    );
  }
  const instant = (name: string, value: string) => {
    const ms = INSTANT.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms)) {
      throw new RangeError(
        `${name} "${value}" is not an ISO 8601 instant: give a date, time and zone, e.g. 2026-12-01T00:00:00Z.`,
      );
    }
    return ms;
  };
  const window = { fromMs: instant('from', from), toMs: instant('to', to) };
  if (window.fromMs > window.toMs) {
    throw new RangeError(`from (${from}) is after to (${to}): give the earlier instant as from.`);
  }
  return window;
}

/** The record as a QbrMeeting (companies still to come), or null when it does not qualify. */
function qbrMeeting(record: HubSpotRecord, token: string, window: Window): QbrMeeting | null {
  const title = record.properties[TITLE] ?? '';
  const startMs = Date.parse(record.properties[START] ?? '');
  const outcome = record.properties[OUTCOME] ?? null;
  // Search has already filtered: this keeps HubSpot's tokenizer and ours in agreement.
  if (!tokenSet(title).has(token.toLowerCase())) return null;
  if (Number.isNaN(startMs) || startMs < window.fromMs || startMs > window.toMs) return null;
  if (outcome === 'CANCELED') return null;
  const startTime = new Date(startMs).toISOString();
  return { id: record.id, title, startTime, outcome, companyIds: [] };
}

/** Every meeting search finds for the token and window, page by page in id order. */
async function searchMeetings(
  ctx: GatewayContext,
  token: string,
  window: Window,
): Promise<HubSpotRecord[]> {
  const found: HubSpotRecord[] = [];
  let after = '0';
  for (let page = 0; page < MAX_PAGES; page++) {
    const request = searchRequest(token, window, after);
    const data = await ctx.call(ENDPOINT, async () =>
      parseResponse(pageSchema, await ctx.sdk.meetingsSearch.doSearch(request), ENDPOINT),
    );
    found.push(...data.results);
    const last = data.results.at(-1)?.id;
    if (data.paging?.next === undefined || last === undefined) return found;
    if (Number(last) <= Number(after)) {
      throw new MalformedResponseError(ENDPOINT, [`ids stopped growing at ${last}`]);
    }
    after = last;
  }
  throw new MalformedResponseError(ENDPOINT, [`still paging after ${MAX_PAGES} pages`]);
}

function searchRequest(token: string, window: Window, afterId: string): SearchRequest {
  const filter = (propertyName: string, operator: string, value: string) =>
    ({ propertyName, operator, value }) as unknown as Filter;
  return {
    filterGroups: [
      {
        filters: [
          filter(TITLE, 'CONTAINS_TOKEN', token),
          filter(START, 'GTE', String(window.fromMs)),
          filter(START, 'LTE', String(window.toMs)),
          filter('hs_object_id', 'GT', afterId),
        ],
      },
    ],
    // HubSpot's sort is { propertyName, direction }; the client's type says string.
    sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' } as unknown as string],
    properties: [TITLE, START, OUTCOME],
    limit: PAGE_SIZE,
  };
}
