import type { ObjectTypeInfo } from './object-types.ts';
import type { PropertyDefinition } from './property-definition.ts';

/** Which properties (and which histories) a read returns. */
export interface PropertySelection {
  names: readonly string[];
  withHistory: readonly string[];
}

/** `properties=a,b`, `properties=a&properties=b` or a JSON array, as one list of names. */
export function nameList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = Array.isArray(value) ? value : [value];
  return parts
    .flatMap((part) => String(part).split(','))
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/**
 * HubSpot returns the type's defaults when nothing is asked for, always adds the record id and
 * its create/modify dates, and silently leaves out names that are not properties.
 */
export function propertySelection(
  info: ObjectTypeInfo,
  definitions: ReadonlyMap<string, PropertyDefinition>,
  requested: readonly string[] | undefined,
  withHistory: readonly string[] | undefined,
): PropertySelection {
  const asked = requested && requested.length > 0 ? requested : info.defaultProperties;
  const always = [info.createdProperty, info.modifiedProperty, 'hs_object_id'];
  const names = [...new Set([...asked, ...always])].filter((name) => definitions.has(name));
  return { names, withHistory: (withHistory ?? []).filter((name) => definitions.has(name)) };
}
