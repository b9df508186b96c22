import { cachedStatement } from './cached-statement.ts';
import type { CrmObjectType } from './object-types.ts';
import type { PortalDatabase } from './portal-database.ts';
import type { PropertyDefinition, PropertyGroup } from './property-definition.ts';

type Row = { definition: string };

const parse = <T>(row: Row | undefined): T | undefined =>
  row ? (JSON.parse(row.definition) as T) : undefined;

/** The portal's property definitions and groups, as the app created or the seed left them. */
export function propertyCatalog(db: PortalDatabase) {
  const all = (table: string, type: CrmObjectType) =>
    (
      cachedStatement(
        db,
        `SELECT definition FROM ${table} WHERE object_type = ? ORDER BY position, name`,
      ).all(type) as Row[]
    ).map((row) => JSON.parse(row.definition) as unknown);
  const one = (table: string, type: CrmObjectType, name: string) =>
    cachedStatement(db, `SELECT definition FROM ${table} WHERE object_type = ? AND name = ?`).get(
      type,
      name,
    ) as Row | undefined;
  const insert = (table: string, type: CrmObjectType, name: string, value: object) =>
    cachedStatement(
      db,
      `INSERT INTO ${table} SELECT ?, ?, COALESCE(MAX(position), -1) + 1, ? FROM ${table} WHERE object_type = ?`,
    ).run(type, name, JSON.stringify(value), type);
  return {
    properties: (type: CrmObjectType) => all('property_definitions', type) as PropertyDefinition[],
    propertyMap: (type: CrmObjectType) =>
      new Map((all('property_definitions', type) as PropertyDefinition[]).map((d) => [d.name, d])),
    property: (type: CrmObjectType, name: string) =>
      parse<PropertyDefinition>(one('property_definitions', type, name)),
    addProperty: (type: CrmObjectType, definition: PropertyDefinition) =>
      insert('property_definitions', type, definition.name, definition),
    groups: (type: CrmObjectType) => all('property_groups', type) as PropertyGroup[],
    group: (type: CrmObjectType, name: string) =>
      parse<PropertyGroup>(one('property_groups', type, name)),
    addGroup: (type: CrmObjectType, group: PropertyGroup) =>
      insert('property_groups', type, group.name, group),
  };
}

export type PropertyCatalog = ReturnType<typeof propertyCatalog>;
