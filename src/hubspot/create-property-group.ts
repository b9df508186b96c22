import type { GatewayContext } from './gateway-context.ts';
import { HubSpotError } from './hubspot-error.ts';
import { propertyGroupSchema, type PropertyGroup } from './list-property-groups.ts';
import { parseResponse } from './parse-response.ts';

const ENDPOINT = 'propertyGroups.create';

/**
 * Creates a property group. Null when HubSpot answers 409: a group of that name is there already
 * (another run or an admin made it first), which is what the caller wanted.
 */
export async function createPropertyGroup(
  ctx: GatewayContext,
  objectType: string,
  group: PropertyGroup,
): Promise<PropertyGroup | null> {
  try {
    return await ctx.call(ENDPOINT, async () =>
      parseResponse(
        propertyGroupSchema,
        await ctx.sdk.propertyGroups.create(objectType, { ...group }),
        ENDPOINT,
      ),
    );
  } catch (error) {
    if (error instanceof HubSpotError && error.status === 409) return null;
    throw error;
  }
}
