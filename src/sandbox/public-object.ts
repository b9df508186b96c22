import type { ObjectRow, ObjectStore } from './object-store.ts';
import { objectTypeInfo } from './object-types.ts';
import type { PropertySelection } from './property-selection.ts';

export interface PublicObject {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, unknown[]>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

/** A property's value as HubSpot reports it, including the ones kept outside the JSON. */
export function propertyValue(
  row: ObjectRow,
  stored: Record<string, string>,
  name: string,
): string | null {
  const info = objectTypeInfo(row.type);
  if (name === 'hs_object_id') return String(row.id);
  if (name === info.createdProperty) return row.created_at;
  if (name === info.modifiedProperty) return row.updated_at;
  return stored[name] ?? null;
}

/** A stored record in HubSpot's object shape, with the selected properties only. */
export function publicObject(
  store: ObjectStore,
  row: ObjectRow,
  selection: PropertySelection,
): PublicObject {
  const stored = JSON.parse(row.properties) as Record<string, string>;
  const properties: Record<string, string | null> = {};
  for (const name of selection.names) properties[name] = propertyValue(row, stored, name);
  const result: PublicObject = {
    id: String(row.id),
    properties,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archived: false,
  };
  if (selection.withHistory.length > 0) {
    result.propertiesWithHistory = Object.fromEntries(
      selection.withHistory.map((name) => [
        name,
        store.history(row, name, propertyValue(row, stored, name)),
      ]),
    );
  }
  return result;
}
