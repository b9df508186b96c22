/**
 * Companies, contacts and tasks: the records the `vitals sandbox` commands look up by id. The
 * sandbox serves notes and meetings too; CrmObjectType is every type it serves.
 */
export type ObjectType = 'companies' | 'contacts' | 'tasks';

/** The CRM object types the sandbox serves, with the names HubSpot accepts for each. */
export type CrmObjectType = ObjectType | 'notes' | 'meetings';

export interface ObjectTypeInfo {
  type: CrmObjectType;
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

const TYPES: Record<CrmObjectType, ObjectTypeInfo> = {
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
  notes: {
    type: 'notes',
    singular: 'note',
    objectTypeId: '0-46',
    idBase: 87_000_000_000,
    createdProperty: 'hs_createdate',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: [],
  },
  meetings: {
    type: 'meetings',
    singular: 'meeting',
    objectTypeId: '0-47',
    idBase: 91_000_000_000,
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

export function objectTypeInfo(type: CrmObjectType): ObjectTypeInfo {
  return TYPES[type];
}
