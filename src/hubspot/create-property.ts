import type { GatewayContext } from './gateway-context.ts';
import { HubSpotError } from './hubspot-error.ts';
import { propertySchema, type HubSpotProperty } from './list-properties.ts';
import { parseResponse } from './parse-response.ts';

/** A property to create: https://developers.hubspot.com/docs/api/crm/properties */
export interface PropertyDefinition {
  name: string;
  label: string;
  type: 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';
  fieldType:
    'text' | 'textarea' | 'number' | 'date' | 'select' | 'radio' | 'checkbox' | 'booleancheckbox';
  groupName: string;
  description?: string;
  displayOrder?: number;
  options?: readonly { label: string; value: string; displayOrder?: number }[];
}

type PropertyCreate = Parameters<GatewayContext['sdk']['properties']['create']>[1];
const ENDPOINT = 'properties.create';

/**
 * Creates a property. Null when HubSpot answers 409 CONFLICT: a property of that name is there
 * already (another run or an admin made it first); whether its type fits is setup's to check.
 */
export async function createProperty(
  ctx: GatewayContext,
  objectType: string,
  definition: PropertyDefinition,
): Promise<HubSpotProperty | null> {
  const input = {
    ...definition,
    options: definition.options?.map((option) => ({ ...option, hidden: false })),
  } as PropertyCreate;
  try {
    return await ctx.call(ENDPOINT, async () =>
      parseResponse(propertySchema, await ctx.sdk.properties.create(objectType, input), ENDPOINT),
    );
  } catch (error) {
    if (error instanceof HubSpotError && error.status === 409) return null;
    throw error;
  }
}
