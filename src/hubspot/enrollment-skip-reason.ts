import { HubSpotError } from './hubspot-error.ts';

/** Why HubSpot refused to enroll one contact. */
export type EnrollmentSkipReason = 'no-email' | 'opted-out' | 'already-enrolled' | 'other';

// HubSpot documents no error codes for refused enrollments (its sequences reference lists only
// the successful answer), so the reason is read from its words, broadly; whatever matches none
// of them is 'other'. Checked in this order: an opted-out contact's message may also mention
// its email.
const PATTERNS: readonly (readonly [EnrollmentSkipReason, RegExp])[] = [
  ['opted-out', /unsubscribed|opted[ -]?out|opt[ -]?out|email_?optout/i],
  [
    'no-email',
    /no (valid )?email|without (an? )?(valid )?email|missing (an? )?email|email (address )?(is )?(missing|required|empty)|does not have an? (valid )?email/i,
  ],
  [
    'already-enrolled',
    /already (been )?enrolled|currently enrolled|already in (a|another|the) sequence|active (sequence )?enrollment/i,
  ],
];

// A sequence of another user may be refused with a 403 (besides a 400 or a 404): that is about
// the sequence, not the token, so it fails this enrollment instead of the whole run.
const ACCESS = '(belong|access|permission|owne[rd]|shared|another user)';
const SEQUENCE_ACCESS = new RegExp(`sequence.*${ACCESS}|${ACCESS}.*sequence`, 'i');

/**
 * The reason to record when enrollInSequence failed because HubSpot refused this contact
 * (a 4xx about the request), or null when the failure is not about the contact and must not
 * become a skip: network errors and 5xx (the enrollment may have gone through; check
 * currentEnrollment on the next run), 429 and daily limits, 401/403 (token or scopes; a 403
 * about the sequence's owner is 'other'), malformed answers, and anything that is not a
 * HubSpotError.
 */
export function enrollmentSkipReason(error: unknown): EnrollmentSkipReason | null {
  if (!(error instanceof HubSpotError)) return null;
  const { status } = error;
  const said = [error.hubspotMessage, error.subCategory].filter(Boolean).join(' ');
  if (status === 403 && error.category !== 'MISSING_SCOPES' && SEQUENCE_ACCESS.test(said)) {
    return 'other';
  }
  if (status < 400 || status >= 500 || status === 401 || status === 403 || status === 429) {
    return null;
  }
  const match = PATTERNS.find(([, pattern]) => pattern.test(said));
  if (match) return match[0];
  // A 409 CONFLICT on enrollment can only be the contact's current enrollment.
  if (status === 409 || error.category === 'CONFLICT') return 'already-enrolled';
  return 'other';
}
