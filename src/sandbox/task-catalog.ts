import type { ObjectCatalog, PropertySpec } from './property-definition.ts';

/**
 * The options of HubSpot's own task properties; the sandbox accepts no others. The docs' table
 * names only NOT_STARTED/COMPLETED and LOW/MEDIUM/HIGH, but their example sends WAITING:
 * https://developers.hubspot.com/docs/api/crm/tasks
 */
export const TASK_STATUSES = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'WAITING',
  'COMPLETED',
  'DEFERRED',
] as const;
export const TASK_PRIORITIES = ['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const;
export const TASK_TYPES = ['EMAIL', 'CALL', 'TODO'] as const;

/** HubSpot refuses a task without a due date. */
export const REQUIRED_TASK_PROPERTIES = ['hs_timestamp'] as const;

const native = (spec: Omit<PropertySpec, 'groupName' | 'hubspotDefined'>): PropertySpec => ({
  ...spec,
  groupName: 'taskinformation',
  hubspotDefined: true,
});

const choice = (name: string, label: string, options: readonly string[]) =>
  native({ name, label, type: 'enumeration', fieldType: 'select', options });

const readOnly = (name: string, label: string, type: string, fieldType: string) =>
  native({ name, label, type, fieldType, readOnly: true });

export const TASK_CATALOG: ObjectCatalog = {
  groups: [{ name: 'taskinformation', label: 'Task information' }],
  properties: [
    native({ name: 'hs_timestamp', label: 'Due date', type: 'datetime', fieldType: 'date' }),
    native({ name: 'hs_task_subject', label: 'Task title', type: 'string', fieldType: 'text' }),
    native({ name: 'hs_task_body', label: 'Notes', type: 'string', fieldType: 'html' }),
    choice('hs_task_status', 'Task status', TASK_STATUSES),
    choice('hs_task_priority', 'Priority', TASK_PRIORITIES),
    choice('hs_task_type', 'Task type', TASK_TYPES),
    native({
      name: 'hubspot_owner_id',
      label: 'Assigned to',
      type: 'enumeration',
      fieldType: 'select',
      referencedObjectType: 'OWNER',
    }),
    readOnly('hs_createdate', 'Create date', 'datetime', 'date'),
    readOnly('hs_lastmodifieddate', 'Last modified date', 'datetime', 'date'),
    readOnly('hs_object_id', 'Record ID', 'number', 'number'),
  ],
};
