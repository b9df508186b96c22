/**
 * The scopes the service's calls need; setup and doctor compare the token's with these, and the
 * app's hsmeta requires exactly these. Tasks have no scope of their own: HubSpot guards them with
 * crm.objects.contacts.write.
 */
export const REQUIRED_SCOPES = [
  'automation.sequences.enrollments.write',
  'automation.sequences.read',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.schemas.companies.read',
  'crm.schemas.companies.write',
  'crm.schemas.contacts.read',
] as const;
