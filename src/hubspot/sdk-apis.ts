import type { Client } from '@hubspot/api-client';

/**
 * The api-client modules the gateway uses, built at once. The client applies its retry and
 * limiter decorators from a process-wide singleton when a module is first built, so building
 * them right after our Client (which sets none) keeps another Client's settings out of them.
 */
export function sdkApis(client: Client) {
  const { crm } = client;
  return {
    companies: crm.companies.basicApi,
    companiesBatch: crm.companies.batchApi,
    contactsBatch: crm.contacts.batchApi,
    associationsBatch: crm.associations.v4.batchApi,
    properties: crm.properties.coreApi,
    propertyGroups: crm.properties.groupsApi,
    owners: crm.owners.ownersApi,
    tasksBatch: crm.objects.tasks.batchApi,
    tasksSearch: crm.objects.tasks.searchApi,
    notesBatch: crm.objects.notes.batchApi,
    notesSearch: crm.objects.notes.searchApi,
    meetingsSearch: crm.objects.meetings.searchApi,
  };
}

export type SdkApis = ReturnType<typeof sdkApis>;
