import { z } from 'zod';
import type { GatewayContext } from './gateway-context.ts';
import { parseResponse } from './parse-response.ts';

export const propertyGroupSchema = z.object({
  name: z.string(),
  label: z.string(),
  displayOrder: z.number().optional(),
});

export type PropertyGroup = z.infer<typeof propertyGroupSchema>;

const ENDPOINT = 'propertyGroups.list';
const listSchema = z.object({ results: z.array(propertyGroupSchema) });

/** Every property group of an object type. */
export async function listPropertyGroups(
  ctx: GatewayContext,
  objectType: string,
): Promise<PropertyGroup[]> {
  const data = await ctx.call(ENDPOINT, async () =>
    parseResponse(listSchema, await ctx.sdk.propertyGroups.getAll(objectType), ENDPOINT),
  );
  return data.results;
}
