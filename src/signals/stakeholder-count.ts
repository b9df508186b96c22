import type { ContactCountSource } from '../config/signal-source-schema.ts';
import { readProperty, type HubSpotRecord } from './hubspot-record.ts';

/** Associated contacts, less those matching excludeWhen (e.g. people who left the company). */
export function stakeholderCount(
  source: ContactCountSource,
  contacts: readonly HubSpotRecord[],
): number {
  const exclude = source.excludeWhen;
  if (!exclude) return contacts.length;
  const excluded = String(exclude.equals);
  return contacts.filter((c) => readProperty(c, exclude.property) !== excluded).length;
}
