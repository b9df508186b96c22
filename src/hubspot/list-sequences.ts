import { z } from 'zod';
import { collectPages } from './collect-pages.ts';
import type { GatewayContext } from './gateway-context.ts';
import { parseResponse } from './parse-response.ts';

const id = z.union([z.string(), z.number()]).transform(String);
const sequenceSchema = z.object({ id, name: z.string() });

export type Sequence = z.infer<typeof sequenceSchema>;

// Sequences v4 has no api-client module: https://developers.hubspot.com/docs/api/automation/sequences
const ENDPOINT = 'sequences.list';
const PAGE_SIZE = '100';
const MAX_PAGES = 100;
const pageSchema = z.object({
  results: z.array(sequenceSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/** The sequences a user can enroll contacts in. */
export async function listSequences(ctx: GatewayContext, userId: string): Promise<Sequence[]> {
  return collectPages(ENDPOINT, MAX_PAGES, async (after) => {
    const qs: Record<string, string> = { userId, limit: PAGE_SIZE };
    if (after !== undefined) qs.after = after;
    const data = await ctx.call(ENDPOINT, async () =>
      parseResponse(
        pageSchema,
        await ctx.request({ method: 'GET', path: '/automation/v4/sequences', qs }),
        ENDPOINT,
      ),
    );
    return { results: data.results, after: data.paging?.next?.after };
  });
}
