import { z } from 'zod';
import { collectPages } from './collect-pages.ts';
import type { GatewayContext } from './gateway-context.ts';
import { parseResponse } from './parse-response.ts';

const ownerSchema = z.object({
  id: z.string(),
  email: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  /** The user id sequences take (`userId`); owners that are teams have none. */
  userId: z.number().transform(String).nullish(),
});

export type Owner = z.infer<typeof ownerSchema>;

const ENDPOINT = 'owners.list';
const PAGE_SIZE = 100;
const MAX_PAGES = 1000;
const pageSchema = z.object({
  results: z.array(ownerSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/** Every active owner in the portal. */
export async function listOwners(ctx: GatewayContext): Promise<Owner[]> {
  return collectPages(ENDPOINT, MAX_PAGES, async (after) => {
    const data = await ctx.call(ENDPOINT, async () =>
      parseResponse(
        pageSchema,
        await ctx.sdk.owners.getPage(undefined, after, PAGE_SIZE, false),
        ENDPOINT,
      ),
    );
    return { results: data.results, after: data.paging?.next?.after };
  });
}
