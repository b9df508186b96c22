import { DailyLimitError } from '../hubspot/daily-limit-error.ts';
import { HubSpotError } from '../hubspot/hubspot-error.ts';
import { MalformedResponseError } from '../hubspot/malformed-response-error.ts';

/**
 * How a create or an enrolment that threw stands. refused: HubSpot said no to what was sent (a
 * 4xx about the request), so nothing happened. unknown: it may have gone through (a 5xx, a dropped
 * connection, an answer the gateway could not read) or was never taken in (429s past the
 * retries): a run must look in HubSpot before sending it again. null: the failure is not about
 * this action and must stop the run (the daily limit, the token or its scopes, a bug).
 */
export function callFailure(error: unknown): 'refused' | 'unknown' | null {
  if (!(error instanceof HubSpotError) || error instanceof DailyLimitError) return null;
  if (error instanceof MalformedResponseError || error.transient || error.status === 429)
    return 'unknown';
  if (error.status === 401 || error.status === 403) return null;
  return error.status >= 400 && error.status < 500 ? 'refused' : null;
}

/** HubSpot's own words for a refusal, else the gateway's message. */
export function refusalWords(error: unknown): string {
  if (error instanceof HubSpotError) return error.hubspotMessage ?? error.message;
  return String(error);
}
