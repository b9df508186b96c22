import type { HubSpotRecord } from './hubspot-record.ts';

/** A property value that could not be used; the signal it would have fed counts as missing. */
export interface ExtractionProblem {
  object: 'company' | 'contact';
  objectId: string;
  property: string;
  value: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/** Collects problems as the sources find them. */
export type ReportProblem = (problem: ExtractionProblem) => void;

export function problemAt(
  object: ExtractionProblem['object'],
  record: HubSpotRecord,
  property: string,
  value: string,
  message: string,
): ExtractionProblem {
  return { object, objectId: record.id, property, value, message };
}
