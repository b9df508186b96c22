/** The CRM object types the sandbox serves, with the names HubSpot accepts for each. */
export type ObjectType = 'companies' | 'contacts' | 'tasks';

export interface ObjectTypeInfo {
  type: ObjectType;
  /** Singular name, as HubSpot writes it in messages and association contexts. */
  singular: string;
  objectTypeId: string;
  /** Ids of each type live in their own range, so an id of the wrong type is never found. */
  idBase: number;
  createdProperty: string;
  modifiedProperty: string;
  /** Returned when a request names no properties. */
  defaultProperties: readonly string[];
}

const TYPES: Record<ObjectType, ObjectTypeInfo> = {
  companies: {
    type: 'companies',
    singular: 'company',
    objectTypeId: '0-2',
    idBase: 31_000_000_000,
    createdProperty: 'createdate',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: ['name', 'domain'],
  },
  contacts: {
    type: 'contacts',
    singular: 'contact',
    objectTypeId: '0-1',
    idBase: 52_000_000_000,
    createdProperty: 'createdate',
    modifiedProperty: 'lastmodifieddate',
    defaultProperties: ['firstname', 'lastname', 'email'],
  },
  tasks: {
    type: 'tasks',
    singular: 'task',
    objectTypeId: '0-27',
    idBase: 83_000_000_000,
    createdProperty: 'hs_createdate',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: [],
  },
};

/** Resolves a path segment ("companies", "company", "0-2") to its object type. */
export function objectType(name: string): ObjectTypeInfo | undefined {
  const lower = name.toLowerCase();
  return Object.values(TYPES).find(
    (info) => info.type === lower || info.singular === lower || info.objectTypeId === lower,
  );
}

export function objectTypeInfo(type: ObjectType): ObjectTypeInfo {
  return TYPES[type];
}
