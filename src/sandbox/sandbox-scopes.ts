/** Every scope Vitals needs; the sandbox token holds all of them unless a test says otherwise. */
export const SANDBOX_SCOPES: readonly string[] = [
  // HubSpot's basic OAuth scope: account-info (the portal's UI domain) asks for it.
  'oauth',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.owners.read',
  'crm.schemas.companies.read',
  'crm.schemas.companies.write',
  'crm.schemas.contacts.read',
  'automation.sequences.read',
  'automation.sequences.enrollments.write',
];
