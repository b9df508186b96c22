import type { Gateway } from '../hubspot/create-gateway.ts';
import type { HubSpotRecord } from '../hubspot/record-schema.ts';

/** One company by id (one batch read), or null when the portal has none with that id. */
export async function readCompany(
  gateway: Pick<Gateway, 'readCompanies'>,
  id: string,
  properties: readonly string[],
): Promise<HubSpotRecord | null> {
  const [company] = await gateway.readCompanies([id], properties);
  return company ?? null;
}
