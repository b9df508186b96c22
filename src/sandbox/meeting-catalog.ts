import type { ObjectCatalog, PropertySpec } from './property-definition.ts';

/** The outcomes HubSpot's meetings take (https://developers.hubspot.com/docs/api/crm/meetings). */
export const MEETING_OUTCOMES = [
  'SCHEDULED',
  'COMPLETED',
  'RESCHEDULED',
  'NO_SHOW',
  'CANCELED',
] as const;

export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/** HubSpot refuses a meeting without its activity time. */
export const REQUIRED_MEETING_PROPERTIES = ['hs_timestamp'] as const;

const native = (spec: Omit<PropertySpec, 'groupName' | 'hubspotDefined'>): PropertySpec => ({
  ...spec,
  groupName: 'meetinginformation',
  hubspotDefined: true,
});

const text = (name: string, label: string, fieldType = 'text') =>
  native({ name, label, type: 'string', fieldType });

const time = (name: string, label: string) =>
  native({ name, label, type: 'datetime', fieldType: 'date' });

const readOnly = (name: string, label: string, type: string, fieldType: string) =>
  native({ name, label, type, fieldType, readOnly: true });

export const MEETING_CATALOG: ObjectCatalog = {
  groups: [{ name: 'meetinginformation', label: 'Meeting information' }],
  properties: [
    time('hs_timestamp', 'Activity date'),
    text('hs_meeting_title', 'Meeting name'),
    text('hs_meeting_body', 'Meeting description', 'html'),
    text('hs_internal_meeting_notes', 'Internal meeting notes', 'html'),
    text('hs_meeting_location', 'Location'),
    time('hs_meeting_start_time', 'Start time'),
    time('hs_meeting_end_time', 'End time'),
    native({
      name: 'hs_meeting_outcome',
      label: 'Meeting outcome',
      type: 'enumeration',
      fieldType: 'select',
      options: MEETING_OUTCOMES,
    }),
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
