import type { ObjectType } from './object-types.ts';

/**
 * Scopes each object type needs. Tasks have no scopes of their own: HubSpot guards them with
 * the contact scopes (HubSpot's docs); which schema scope guards task properties is unverified.
 */
export function objectScopes(type: ObjectType) {
  if (type === 'tasks') {
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
