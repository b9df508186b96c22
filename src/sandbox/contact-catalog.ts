import type { ObjectCatalog, PropertySpec } from './property-definition.ts';

export const BUYING_ROLES = [
  'CHAMPION',
  'EXECUTIVE_SPONSOR',
  'DECISION_MAKER',
  'BUDGET_HOLDER',
  'INFLUENCER',
  'END_USER',
  'BLOCKER',
] as const;

const native = (spec: Omit<PropertySpec, 'groupName' | 'hubspotDefined'>): PropertySpec => ({
  ...spec,
  groupName: 'contactinformation',
  hubspotDefined: true,
});

const text = (name: string, label: string) =>
  native({ name, label, type: 'string', fieldType: 'text' });

const readOnly = (name: string, label: string, type: string, fieldType: string) =>
  native({ name, label, type, fieldType, readOnly: true });

/** Contact properties of the demo portal (/tmp/portal-contract.md). */
export const CONTACT_CATALOG: ObjectCatalog = {
  groups: [{ name: 'contactinformation', label: 'Contact information' }],
  properties: [
    text('email', 'Email'),
    text('firstname', 'First name'),
    text('lastname', 'Last name'),
    text('jobtitle', 'Job title'),
    native({
      name: 'hubspot_owner_id',
      label: 'Contact owner',
      type: 'enumeration',
      fieldType: 'select',
      referencedObjectType: 'OWNER',
    }),
    native({
      name: 'hs_buying_role',
      label: 'Buying role',
      type: 'enumeration',
      fieldType: 'checkbox',
      options: BUYING_ROLES,
    }),
    native({
      name: 'hs_email_optout',
      label: 'Unsubscribed from all email',
      type: 'bool',
      fieldType: 'booleancheckbox',
      options: ['true', 'false'],
      readOnly: true,
    }),
    readOnly('hs_feedback_last_nps_rating', 'Last NPS rating', 'number', 'number'),
    readOnly('hs_feedback_last_survey_date', 'Last NPS survey date', 'datetime', 'date'),
    readOnly('createdate', 'Create date', 'datetime', 'date'),
    readOnly('lastmodifieddate', 'Last modified date', 'datetime', 'date'),
    readOnly('hs_object_id', 'Record ID', 'number', 'number'),
    {
      name: 'left_company',
      label: 'Left the company',
      type: 'bool',
      fieldType: 'booleancheckbox',
      groupName: 'contactinformation',
      options: ['true', 'false'],
    },
  ],
};
