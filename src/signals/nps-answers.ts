import { readProperty, type HubSpotRecord } from './hubspot-record.ts';
import { parseNumber } from './parse-number.ts';
import { parseTimestamp } from './parse-timestamp.ts';

/** HubSpot's own feedback properties: a contact's last NPS rating and when it was given. */
export const NPS_RATING_PROPERTY = 'hs_feedback_last_nps_rating';
export const NPS_DATE_PROPERTY = 'hs_feedback_last_survey_date';

export interface NpsAnswer {
  contactId: string;
  /** 0–10. */
  score: number;
  /** ISO instant. */
  at: string;
}

/**
 * The NPS answer each contact holds. One without a date, or with a rating outside 0–10, is left
 * out: a report cannot place it in a period, and scoring reports the bad value already.
 */
export function npsAnswers(contacts: readonly HubSpotRecord[]): NpsAnswer[] {
  const answers: NpsAnswer[] = [];
  for (const contact of contacts) {
    const score = parseNumber(readProperty(contact, NPS_RATING_PROPERTY) ?? '');
    const at = parseTimestamp(readProperty(contact, NPS_DATE_PROPERTY) ?? '');
    if (score === null || !Number.isInteger(score) || score < 0 || score > 10 || at === null)
      continue;
    answers.push({ contactId: contact.id, score, at: new Date(at).toISOString() });
  }
  return answers;
}
