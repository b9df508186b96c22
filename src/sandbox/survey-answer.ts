import { z } from 'zod';
import type { PropertyDefinition } from './property-definition.ts';
import type { ValueIssue } from './validate-property-values.ts';

const RATING = 'hs_feedback_last_nps_rating';
const DATE = 'hs_feedback_last_survey_date';

/**
 * Contact properties HubSpot sets from a feedback survey answer: read only to people and tokens,
 * so the sandbox writes them as the survey would.
 */
export const SURVEY_PROPERTIES: ReadonlySet<string> = new Set([RATING, DATE]);

// Which history source HubSpot names for a survey answer is unverified; CALCULATED is its type
// for values HubSpot sets itself.
export const SURVEY_SOURCE = { sourceType: 'CALCULATED', sourceId: 'feedback-survey' } as const;

/** The survey properties among `values`; a rating given alone is dated now, as a survey would. */
export function surveyAnswer(
  values: Readonly<Record<string, string>>,
  now: Date,
): Record<string, string> {
  const answer = Object.fromEntries(
    Object.entries(values).filter(([name]) => SURVEY_PROPERTIES.has(name)),
  );
  if (answer[RATING] && !(DATE in values)) answer[DATE] = now.toISOString();
  return answer;
}

// An NPS answer is 0 to 10; "" clears the rating.
const npsRating = z.union([z.literal(''), z.coerce.number().int().min(0).max(10)]);

/** What is wrong with a survey's values that the property type alone lets through. */
export function surveyIssues(answer: Readonly<Record<string, string>>): ValueIssue[] {
  const rating = answer[RATING];
  if (rating === undefined || npsRating.safeParse(rating.trim()).success) return [];
  const message = `${rating} is not an NPS rating: give a whole number from 0 to 10`;
  return [{ name: RATING, error: 'INVALID_NPS_RATING', message }];
}

/** The definitions with the survey properties writable, for checking a survey's values. */
export function surveyWritable(
  definitions: ReadonlyMap<string, PropertyDefinition>,
): Map<string, PropertyDefinition> {
  return new Map(
    [...definitions].map(([name, def]) => [
      name,
      SURVEY_PROPERTIES.has(name)
        ? { ...def, modificationMetadata: { ...def.modificationMetadata, readOnlyValue: false } }
        : def,
    ]),
  );
}
