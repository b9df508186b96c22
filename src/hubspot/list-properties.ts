import { z } from 'zod';
import type { GatewayContext } from './gateway-context.ts';
import { parseResponse } from './parse-response.ts';

export const propertySchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  groupName: z.string(),
  hubspotDefined: z.boolean().optional(),
  options: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
});

/** A property as the gateway reports it. */
export type HubSpotProperty = z.infer<typeof propertySchema>;

const ENDPOINT = 'properties.list';
const listSchema = z.object({ results: z.array(propertySchema) });

/** Every (unarchived) property of an object type, e.g. "companies". */
export async function listProperties(
  ctx: GatewayContext,
  objectType: string,
): Promise<HubSpotProperty[]> {
  const data = await ctx.call(ENDPOINT, async () =>
    parseResponse(listSchema, await ctx.sdk.properties.getAll(objectType, false), ENDPOINT),
  );
  return data.results;
}
