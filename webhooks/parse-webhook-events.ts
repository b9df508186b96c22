import { ApiError } from '../src/server/api-error.ts';
import { describeEventIssues } from './describe-event-issues.ts';
import { hubspotEventsSchema, type HubSpotEvent } from './hubspot-event-schema.ts';
import { jsonDeeperThan } from '../src/validation/json-deeper-than.ts';

/** HubSpot's events nest three levels at most (array → event → mergedObjectIds). */
export const MAX_NESTING = 32;
const MAX_PROBLEMS = 5;

export interface ParsedEvent {
  event: HubSpotEvent;
  /** The event exactly as it came, unknown fields included. */
  raw: unknown;
}

/**
 * Parses the verified raw body (what signatureGuard leaves in req.body) as a delivery of events;
 * a 400 naming each field that is wrong, and its value, otherwise.
 */
export function parseWebhookEvents(rawBody: unknown): ParsedEvent[] {
  const text = Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : '';
  if (text.trim() === '') throw refusal('The request has no body.');
  if (jsonDeeperThan(text, MAX_NESTING)) {
    throw refusal(`The body nests more than ${MAX_NESTING} levels deep.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw refusal(`The body is not JSON (${(error as Error).message}).`);
  }
  const parsed = hubspotEventsSchema.safeParse(data);
  if (!parsed.success) {
    const problems = describeEventIssues(parsed.error.issues, data);
    const more = problems.length - MAX_PROBLEMS;
    const shown = problems.slice(0, MAX_PROBLEMS).join(' ');
    throw refusal(more > 0 ? `${shown} (${more} more not shown.)` : shown);
  }
  const raws = data as unknown[];
  return parsed.data.map((event, i) => ({ event, raw: raws[i] }));
}

function refusal(problem: string): ApiError {
  return new ApiError(
    400,
    `${problem} Vitals takes HubSpot's webhook deliveries: a JSON array of events like [{ "eventId": 1, "subscriptionId": 2, "portalId": 62515, "appId": 3, "occurredAt": 1764000000000, "subscriptionType": "company.propertyChange", "attemptNumber": 0, "objectId": 42 }].`,
  );
}
