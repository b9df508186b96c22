import type { ObjectCatalog, PropertySpec } from './property-definition.ts';

/** HubSpot refuses a note without its activity time. */
export const REQUIRED_NOTE_PROPERTIES = ['hs_timestamp'] as const;

const native = (spec: Omit<PropertySpec, 'groupName' | 'hubspotDefined'>): PropertySpec => ({
  ...spec,
  groupName: 'noteinformation',
  hubspotDefined: true,
});

const readOnly = (name: string, label: string, type: string, fieldType: string) =>
  native({ name, label, type, fieldType, readOnly: true });

/**
 * HubSpot's own note properties (https://developers.hubspot.com/docs/api/crm/notes). The body
 * holds text or HTML of at most 65,536 characters, which every string property of the sandbox
 * is held to (normalize-value.ts).
 */
export const NOTE_CATALOG: ObjectCatalog = {
  groups: [{ name: 'noteinformation', label: 'Note information' }],
  properties: [
    native({ name: 'hs_timestamp', label: 'Activity date', type: 'datetime', fieldType: 'date' }),
    native({ name: 'hs_note_body', label: 'Note body', type: 'string', fieldType: 'html' }),
    native({
      name: 'hubspot_owner_id',
      label: 'Activity assigned to',
      type: 'enumeration',
      fieldType: 'select',
      referencedObjectType: 'OWNER',
    }),
    readOnly('hs_createdate', 'Create date', 'datetime', 'date'),
    readOnly('hs_lastmodifieddate', 'Last modified date', 'datetime', 'date'),
    readOnly('hs_object_id', 'Record ID', 'number', 'number'),
  ],
};
