import type { CrmObjectType } from './object-types.ts';

/** Activities HubSpot keeps on records and guards with the contact scopes. */
const ENGAGEMENTS: readonly CrmObjectType[] = ['tasks', 'notes', 'meetings'];

/**
 * Scopes each object type needs. Tasks, notes and meetings have no scopes of their own: HubSpot
 * guards them with the contact scopes (HubSpot's docs); which schema scope guards their
 * properties is unverified.
 */
export function objectScopes(type: CrmObjectType) {
  if (ENGAGEMENTS.includes(type)) {
    return {
      read: 'crm.objects.contacts.read',
      write: 'crm.objects.contacts.write',
      schemaRead: 'crm.objects.contacts.read',
      schemaWrite: 'crm.schemas.contacts.write',
    };
  }
  return {
    read: `crm.objects.${type}.read`,
    write: `crm.objects.${type}.write`,
    schemaRead: `crm.schemas.${type}.read`,
    schemaWrite: `crm.schemas.${type}.write`,
  };
}
