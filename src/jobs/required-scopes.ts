/** The scopes the main job's calls need; setup and doctor compare the token's with these. */
export const REQUIRED_SCOPES = [
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.contacts.read',
  'crm.schemas.companies.read',
  'crm.schemas.companies.write',
  'crm.schemas.contacts.read',
] as const;
