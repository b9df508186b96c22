import type { HubSpotRecord } from './hubspot-record.ts';
import { parseTimestamp } from './parse-timestamp.ts';

/** One version of a property, as HubSpot's propertiesWithHistory lists it. */
export interface PropertyVersion {
  value: string | null;
  timestamp: string;
}

/** A record read with the history of some of its properties. */
export interface RecordWithHistory extends HubSpotRecord {
  propertiesWithHistory?: Record<string, readonly PropertyVersion[]>;
}

/**
 * The record as it stood at `at`: each property with a history takes the value of its last
 * version written by then (null when none was), the others keep the value they hold. A value of
 * one of `dateProperties` later than `at` could not have been known then, so it reads as missing:
 * a last-contacted date from next month must not make last month look attended to.
 */
export function recordAsOf(
  record: RecordWithHistory,
  at: Date,
  dateProperties: ReadonlySet<string> = new Set(),
): HubSpotRecord {
  const cutoff = at.getTime();
  const properties: Record<string, string | null | undefined> = { ...record.properties };
  for (const [name, versions] of Object.entries(record.propertiesWithHistory ?? {})) {
    let latest: PropertyVersion | null = null;
    let latestMs = -Infinity;
    for (const version of versions) {
      const ms = Date.parse(version.timestamp);
      // HubSpot lists versions newest first: of two written at one instant, the first is the later.
      if (ms <= cutoff && ms > latestMs) {
        latest = version;
        latestMs = ms;
      }
    }
    properties[name] = latest?.value ?? null;
  }
  for (const name of dateProperties) {
    const raw = properties[name]?.trim();
    const ms = raw ? parseTimestamp(raw) : null;
    if (ms !== null && ms > cutoff) properties[name] = null;
  }
  return { id: record.id, properties };
}
