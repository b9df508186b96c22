import type { LifecycleMapping } from '../config/config.ts';
import type { LifecycleFacts } from '../plays/play-types.ts';
import { readProperty, type HubSpotRecord } from './hubspot-record.ts';
import { parseNumber } from './parse-number.ts';
import { parseTimestamp } from './parse-timestamp.ts';

export const DEFAULT_LIFECYCLE_MAPPING: LifecycleMapping = {
  touchProperties: ['notes_last_contacted'],
  lastLoginProperty: null,
  activationProperty: null,
  accountExecutiveProperty: null,
  qbrDateProperty: null,
  qbrMeetingWord: 'QBR',
};

/** A company's QBR meetings, as the run found them: the next one and the last one held. */
export interface QbrMeetings {
  next: string | null;
  last: string | null;
}

/** Company properties the lifecycle plays read with this mapping. */
export function lifecycleProperties(mapping: LifecycleMapping): string[] {
  return [
    ...mapping.touchProperties,
    mapping.lastLoginProperty,
    mapping.activationProperty,
    mapping.accountExecutiveProperty,
    mapping.qbrDateProperty,
  ].filter((p): p is string => p !== null);
}

/**
 * The lifecycle facts of a company. `meetings` is the company's QBR meetings when the run looked
 * them up (a full run does, once for the portal); left out, and with meetings to look at, the QBR
 * dates stay unknown so no QBR play judges by them.
 */
export function lifecycleFacts(
  company: HubSpotRecord,
  mapping: LifecycleMapping,
  today: string,
  meetings: QbrMeetings | undefined,
): LifecycleFacts {
  const facts: LifecycleFacts = { lastTouchAt: latest(company, mapping.touchProperties) };
  if (mapping.lastLoginProperty) facts.lastLoginAt = latest(company, [mapping.lastLoginProperty]);
  if (mapping.activationProperty) {
    const pct = parseNumber(readProperty(company, mapping.activationProperty) ?? '');
    facts.activationPct = pct !== null && Number.isFinite(pct) ? pct : null;
  }
  if (mapping.accountExecutiveProperty) {
    const id = readProperty(company, mapping.accountExecutiveProperty)?.trim() ?? '';
    facts.accountExecutiveId = /^\d+$/.test(id) ? id : null;
  }
  const qbr = qbrDates(company, mapping, today, meetings);
  if (qbr) facts.qbr = qbr;
  return facts;
}

function qbrDates(
  company: HubSpotRecord,
  mapping: LifecycleMapping,
  today: string,
  meetings: QbrMeetings | undefined,
): QbrMeetings | undefined {
  if (mapping.qbrMeetingWord !== null && meetings === undefined) return undefined;
  const dates: QbrMeetings = meetings ?? { next: null, last: null };
  const on = dateOf(company, mapping.qbrDateProperty);
  if (on === null) return dates;
  // The property may hold the next QBR or, once it is over and nobody changed it, the last one.
  if (on >= today) return { next: earliest(dates.next, on), last: dates.last };
  return { next: dates.next, last: dates.last === null || on > dates.last ? on : dates.last };
}

function latest(company: HubSpotRecord, properties: readonly string[]): string | null {
  let best: number | null = null;
  for (const property of properties) {
    const text = readProperty(company, property);
    const ms = text === null ? null : parseTimestamp(text);
    if (ms !== null && (best === null || ms > best)) best = ms;
  }
  return best === null ? null : new Date(best).toISOString();
}

function dateOf(company: HubSpotRecord, property: string | null): string | null {
  if (property === null) return null;
  const text = readProperty(company, property);
  const ms = text === null ? null : parseTimestamp(text);
  return ms === null ? null : new Date(ms).toISOString().slice(0, 10);
}

function earliest(a: string | null, b: string): string {
  return a === null || b < a ? b : a;
}
