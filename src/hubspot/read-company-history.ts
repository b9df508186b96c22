import { z } from 'zod';
import type { RecordWithHistory } from '../signals/record-as-of.ts';
import { chunk } from './chunk.ts';
import type { GatewayContext } from './gateway-context.ts';
import { parseResponse } from './parse-response.ts';

// A batch read that asks for property history takes at most 50 inputs, half the usual 100.
export const HISTORY_BATCH_SIZE = 50;

// The api-client turns timestamps into Dates; a raw answer holds ISO strings. Both are taken.
const instant = z
  .union([z.string(), z.date()])
  .transform((v) => (typeof v === 'string' ? v : v.toISOString()))
  .refine((v) => !Number.isNaN(Date.parse(v)), 'not a date-time');

const versionSchema = z.object({ value: z.string().nullable(), timestamp: instant });

const historySchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      properties: z.record(z.string(), z.string().nullable()),
      propertiesWithHistory: z.record(z.string(), z.array(versionSchema)).optional(),
      createdAt: instant.optional(),
    }),
  ),
});

/** A company as it was read with the history of its properties. */
export interface CompanyWithHistory extends RecordWithHistory {
  /** When the record was made (ISO instant), when HubSpot said. */
  createdAt?: string;
}

/**
 * Reads companies by id with every version of `properties`, 50 per call; ids HubSpot does not
 * know are left out.
 */
export async function readCompanyHistory(
  ctx: GatewayContext,
  ids: readonly string[],
  properties: readonly string[],
): Promise<CompanyWithHistory[]> {
  const endpoint = 'companies.batchRead';
  const records: CompanyWithHistory[] = [];
  for (const batch of chunk([...new Set(ids)], HISTORY_BATCH_SIZE)) {
    const data = await ctx.call(endpoint, async () =>
      parseResponse(
        historySchema,
        await ctx.sdk.companiesBatch.read(
          {
            inputs: batch.map((id) => ({ id })),
            properties: [...properties],
            propertiesWithHistory: [...properties],
          },
          false,
        ),
        endpoint,
      ),
    );
    for (const r of data.results)
      records.push({
        id: r.id,
        properties: r.properties,
        ...(r.propertiesWithHistory ? { propertiesWithHistory: r.propertiesWithHistory } : {}),
        ...(r.createdAt ? { createdAt: r.createdAt } : {}),
      });
  }
  return records;
}
