import { z } from 'zod';
import { chunk } from './chunk.ts';
import type { GatewayContext } from './gateway-context.ts';
import { parseResponse } from './parse-response.ts';
import { recordSchema, type HubSpotRecord } from './record-schema.ts';

// Batch endpoints take at most 100 inputs: https://developers.hubspot.com/docs/api/crm/contacts
const BATCH_SIZE = 100;
const ENDPOINT = 'contacts.batchRead';

// 207 answers list ids that do not exist under `errors`; those contacts are simply absent.
const batchSchema = z.object({ results: z.array(recordSchema) });

/** Reads contacts by id, 100 per call; ids HubSpot does not know are left out. */
export async function readContacts(
  ctx: GatewayContext,
  ids: readonly string[],
  properties: readonly string[],
): Promise<HubSpotRecord[]> {
  const contacts: HubSpotRecord[] = [];
  for (const batch of chunk([...new Set(ids)], BATCH_SIZE)) {
    const data = await ctx.call(ENDPOINT, async () =>
      parseResponse(
        batchSchema,
        await ctx.sdk.contactsBatch.read(
          {
            inputs: batch.map((id) => ({ id })),
            properties: [...properties],
            propertiesWithHistory: [],
          },
          false,
        ),
        ENDPOINT,
      ),
    );
    contacts.push(...data.results);
  }
  return contacts;
}
