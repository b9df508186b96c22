import { z } from 'zod';
import type { GatewayContext } from './gateway-context.ts';
import { MalformedResponseError } from './malformed-response-error.ts';
import { parseResponse } from './parse-response.ts';
import { recordSchema, type HubSpotRecord } from './record-schema.ts';

/** One page of companies, and the cursor to store so a later run can continue after it. */
export interface CompanyPage {
  companies: HubSpotRecord[];
  /** Pass as `after` to continue after this page; null on the last page. */
  nextAfter: string | null;
}

export interface CompanyPagesOptions {
  properties: readonly string[];
  /** A cursor from an earlier page; null or absent starts at the beginning. */
  after?: string | null | undefined;
}

// The list endpoint pages by `after` with at most 100 per page, and unlike search it can page
// through any number of records: https://developers.hubspot.com/docs/api/crm/companies
const PAGE_SIZE = 100;
// 100 million companies; the real guard against a server that loops is the cursor check.
const MAX_PAGES = 1_000_000;
const ENDPOINT = 'companies.list';

const pageSchema = z.object({
  results: z.array(recordSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/** Every company, one page at a time, so memory holds a single page however big the portal. */
export async function* companyPages(
  ctx: GatewayContext,
  options: CompanyPagesOptions,
): AsyncGenerator<CompanyPage, void, undefined> {
  const properties = [...options.properties];
  let after = options.after ?? null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const cursor = after;
    const data = await ctx.call(ENDPOINT, async () =>
      parseResponse(
        pageSchema,
        await ctx.sdk.companies.getPage(PAGE_SIZE, cursor ?? undefined, properties),
        ENDPOINT,
      ),
    );
    const nextAfter = data.paging?.next?.after ?? null;
    if (nextAfter !== null && nextAfter === cursor) {
      throw new MalformedResponseError(ENDPOINT, [
        `paging.next.after repeats the cursor ${cursor}`,
      ]);
    }
    yield { companies: data.results, nextAfter };
    if (nextAfter === null) return;
    after = nextAfter;
  }
  throw new MalformedResponseError(ENDPOINT, [`still paging after ${MAX_PAGES} pages`]);
}
