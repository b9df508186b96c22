import { describe, expect, it } from 'vitest';
import { DailyLimitError } from '../../../src/hubspot/daily-limit-error.ts';
import { enrollmentSkipReason } from '../../../src/hubspot/enrollment-skip-reason.ts';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';
import { MalformedResponseError } from '../../../src/hubspot/malformed-response-error.ts';
import { hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const ENROLL = '/automation/v4/sequences/enrollments';
const request = { contactId: '5', sequenceId: '77', senderEmail: 'ana@example.com', userId: '11' };

/** What enrollInSequence throws when HubSpot answers `status` with this body. */
async function enrollFailure(status: number, body: object): Promise<unknown> {
  const { gateway, hubspot } = testGateway();
  hubspot.post(ENROLL).query({ userId: '11' }).reply(status, body);
  return gateway.enrollInSequence(request).then(
    () => expect.fail('the enrollment should have failed'),
    (error: unknown) => error,
  );
}

const refusal = (message: string, status = 400, category = 'VALIDATION_ERROR') =>
  new HubSpotError(`HubSpot rejected sequences.enroll (${status} ${category})`, {
    endpoint: 'sequences.enroll',
    status,
    category,
    hubspotMessage: message,
  });

describe('enrollmentSkipReason', () => {
  it('reads the reason from HubSpot’s refusal of the enrollment call', async () => {
    const noEmail = await enrollFailure(
      400,
      hubspotError('VALIDATION_ERROR', 'Contact 5 has no email address to enroll.'),
    );
    expect(noEmail).toBeInstanceOf(HubSpotError);
    expect(noEmail).toMatchObject({
      status: 400,
      category: 'VALIDATION_ERROR',
      hubspotMessage: 'Contact 5 has no email address to enroll.',
    });
    expect(enrollmentSkipReason(noEmail)).toBe('no-email');

    const optedOut = await enrollFailure(
      400,
      hubspotError('VALIDATION_ERROR', 'Invalid input', {
        errors: [{ message: 'Contact 5 has unsubscribed from all email and cannot be enrolled.' }],
      }),
    );
    expect(enrollmentSkipReason(optedOut)).toBe('opted-out');

    const enrolled = await enrollFailure(
      400,
      hubspotError('VALIDATION_ERROR', 'Contact 5 is already enrolled in sequence 77.'),
    );
    expect(enrollmentSkipReason(enrolled)).toBe('already-enrolled');

    const conflict = await enrollFailure(409, hubspotError('CONFLICT', 'Conflict'));
    expect(enrollmentSkipReason(conflict)).toBe('already-enrolled');

    const unknown = await enrollFailure(
      404,
      hubspotError('OBJECT_NOT_FOUND', 'Sequence 77 does not exist.'),
    );
    expect(enrollmentSkipReason(unknown)).toBe('other');
  });

  it.each([
    ['Contact does not have an email address', 'no-email'],
    ['Cannot enroll a contact without an email', 'no-email'],
    ['The contact has opted out of email', 'opted-out'],
    ['Contact is unsubscribed', 'opted-out'],
    ['Contact is currently enrolled in another sequence', 'already-enrolled'],
    ['Contact already enrolled', 'already-enrolled'],
    ['senderEmail is not a connected inbox', 'other'],
  ] as const)('classifies "%s" as %s', (message, reason) => {
    expect(enrollmentSkipReason(refusal(message))).toBe(reason);
  });

  it('is null for failures that are not about the contact', () => {
    const failure = (status: number, category: string) =>
      new HubSpotError('failed', { endpoint: 'sequences.enroll', status, category });
    expect(enrollmentSkipReason(failure(0, 'NETWORK_ERROR'))).toBeNull();
    expect(enrollmentSkipReason(failure(502, 'SERVER_ERROR'))).toBeNull();
    expect(enrollmentSkipReason(failure(429, 'RATE_LIMIT'))).toBeNull();
    expect(enrollmentSkipReason(failure(401, 'INVALID_AUTHENTICATION'))).toBeNull();
    expect(enrollmentSkipReason(failure(403, 'MISSING_SCOPES'))).toBeNull();
    expect(enrollmentSkipReason(new MalformedResponseError('sequences.enroll', ['id']))).toBeNull();
    const daily = new DailyLimitError({ endpoint: 'sequences.enroll', status: 429 }, new Date());
    expect(enrollmentSkipReason(daily)).toBeNull();
    expect(enrollmentSkipReason(new Error('Contact already enrolled'))).toBeNull();
  });

  it('does not resend a refused enrollment', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post(ENROLL)
      .query({ userId: '11' })
      .reply(400, hubspotError('VALIDATION_ERROR', 'Contact 5 is already enrolled.'));
    await expect(gateway.enrollInSequence(request)).rejects.toBeInstanceOf(HubSpotError);
    expect(gateway.apiCalls()).toEqual({ 'sequences.enroll': 1 });
  });
});
