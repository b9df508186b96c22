/** A CRM object as HubSpot returns it: every property value is a string, or null when unset. */
export interface HubSpotRecord {
  id: string;
  properties: Readonly<Record<string, string | null | undefined>>;
}

/** The value of a property with surrounding spaces removed; null when unset or blank. */
export function readProperty(record: HubSpotRecord, name: string): string | null {
  const value = record.properties[name];
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
