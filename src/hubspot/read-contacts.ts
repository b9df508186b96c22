import { z } from 'zod';
import { chunk } from './chunk.ts';
import type { GatewayContext } from './gateway-context.ts';
import { parseResponse } from './parse-response.ts';
import { recordSchema, type HubSpotRecord } from './record-schema.ts';

// Batch endpoints take at most 100 inputs: https://developers.hubspot.com/docs/api/crm/contacts
const BATCH_SIZE = 100;

// 207 answers list ids that do not exist under `errors`; those contacts are simply absent.
const batchSchema = z.object({ results: z.array(recordSchema) });

/** Reads contacts by id, 100 per call; ids HubSpot does not know are left out. */
export function readContacts(
  ctx: GatewayContext,
  ids: readonly string[],
  properties: readonly string[],
): Promise<HubSpotRecord[]> {
  return readRecords(ctx, 'contacts', ids, properties);
}

/** Reads companies by id, 100 per call; ids HubSpot does not know are left out. */
export function readCompanies(
  ctx: GatewayContext,
  ids: readonly string[],
  properties: readonly string[],
): Promise<HubSpotRecord[]> {
  return readRecords(ctx, 'companies', ids, properties);
}

async function readRecords(
  ctx: GatewayContext,
  type: 'contacts' | 'companies',
  ids: readonly string[],
  properties: readonly string[],
): Promise<HubSpotRecord[]> {
  const endpoint = `${type}.batchRead`;
  const api = type === 'contacts' ? ctx.sdk.contactsBatch : ctx.sdk.companiesBatch;
  const records: HubSpotRecord[] = [];
  for (const batch of chunk([...new Set(ids)], BATCH_SIZE)) {
    const data = await ctx.call(endpoint, async () =>
      parseResponse(
        batchSchema,
        await api.read(
          {
            inputs: batch.map((id) => ({ id })),
            properties: [...properties],
            propertiesWithHistory: [],
          },
          false,
        ),
        endpoint,
      ),
    );
    records.push(...data.results);
  }
  return records;
}
