import type { GatewayContext } from './gateway-context.ts';
import { propertyGroupSchema, type PropertyGroup } from './list-property-groups.ts';
import { parseResponse } from './parse-response.ts';

const ENDPOINT = 'propertyGroups.create';

/** Creates a property group; an existing name fails with a 409 HubSpotError. */
export async function createPropertyGroup(
  ctx: GatewayContext,
  objectType: string,
  group: PropertyGroup,
): Promise<PropertyGroup> {
  return ctx.call(ENDPOINT, async () =>
    parseResponse(
      propertyGroupSchema,
      await ctx.sdk.propertyGroups.create(objectType, { ...group }),
      ENDPOINT,
    ),
  );
}
