import type { LatestContactNumberSource } from '../config/signal-source-schema.ts';
import { checkValue, describeAllowed } from './check-value.ts';
import { NOT_A_DATE } from './days-since.ts';
import { problemAt, type ReportProblem } from './extraction-problem.ts';
import { readProperty, type HubSpotRecord } from './hubspot-record.ts';
import { parseNumber } from './parse-number.ts';
import { parseTimestamp } from './parse-timestamp.ts';
import type { SignalTarget } from './signal-targets.ts';

interface Reading {
  value: number;
  /** -Infinity when the contact has no usable date: any dated reading is more recent. */
  at: number;
  contactId: string;
}

/**
 * The number on the associated contact with the latest `dateProperty` (e.g. the last NPS
 * rating of the most recently surveyed contact). Ties go to the higher contact id, so the
 * answer does not depend on the order HubSpot lists the contacts in.
 */
export function latestContactNumber(
  source: LatestContactNumberSource,
  target: SignalTarget,
  contacts: readonly HubSpotRecord[],
  report: ReportProblem,
): number | null {
  let latest: Reading | null = null;
  for (const contact of contacts) {
    const reading = readingOf(source, target, contact, report);
    if (reading && (latest === null || isLater(reading, latest))) latest = reading;
  }
  return latest?.value ?? null;
}

function readingOf(
  source: LatestContactNumberSource,
  target: SignalTarget,
  contact: HubSpotRecord,
  report: ReportProblem,
): Reading | null {
  const raw = readProperty(contact, source.property);
  if (raw === null) return null;
  const value = parseNumber(raw);
  const wrong =
    value === null
      ? `Not a number; ${target.key} takes ${describeAllowed(target)}`
      : checkValue(target, value);
  if (value === null || wrong !== null) {
    report(problemAt('contact', contact, source.property, raw, `${wrong}.`));
    return null;
  }
  const rawDate = readProperty(contact, source.dateProperty);
  const at = rawDate === null ? null : parseTimestamp(rawDate);
  if (rawDate !== null && at === null) {
    report(problemAt('contact', contact, source.dateProperty, rawDate, NOT_A_DATE));
  }
  return { value, at: at ?? -Infinity, contactId: contact.id };
}

function isLater(a: Reading, b: Reading): boolean {
  if (a.at !== b.at) return a.at > b.at;
  return compareIds(a.contactId, b.contactId) > 0;
}

/** HubSpot ids are numeric strings; compare them as numbers without losing precision. */
function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}
