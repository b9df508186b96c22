import { describe, expect, it } from 'vitest';
import { enrollmentSkipReason } from '../../../src/hubspot/enrollment-skip-reason.ts';
import { MalformedResponseError } from '../../../src/hubspot/malformed-response-error.ts';
import { hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

// HubSpot documents none of these answers, so the gateway reads every plausible form alike.
const ENROLL = '/automation/v4/sequences/enrollments';
const CURRENT = '/automation/v4/sequences/enrollments/contact/5';
const request = { contactId: '5', sequenceId: '77', senderEmail: 'ana@example.com', userId: '11' };

async function refusedWith(status: number, body: object): Promise<unknown> {
  const { gateway, hubspot } = testGateway();
  hubspot.post(ENROLL).query({ userId: '11' }).reply(status, body);
  return gateway.enrollInSequence(request).then(
    () => expect.fail('the enrollment should have been refused'),
    (error: unknown) => error,
  );
}

describe('a contact already in a sequence', () => {
  it.each([
    [
      '400 saying so',
      400,
      hubspotError('VALIDATION_ERROR', 'Contact 5 is already enrolled in sequence 9.'),
    ],
    [
      '409 saying nothing of enrollment',
      409,
      hubspotError('CONFLICT', 'Contact 5 has an active enrollment.'),
    ],
    [
      '400 with the reason in its details',
      400,
      hubspotError('VALIDATION_ERROR', 'The enrollment request is not valid.', {
        errors: [
          { message: 'The contact is currently enrolled in another sequence.', in: 'contactId' },
        ],
      }),
    ],
  ])('is a skip, already-enrolled, when HubSpot answers %s', async (_form, status, body) => {
    expect(enrollmentSkipReason(await refusedWith(status, body))).toBe('already-enrolled');
  });
});

describe("another user's sequence", () => {
  it.each([
    ['400', 400, hubspotError('VALIDATION_ERROR', 'Sequence 77 does not belong to user 11.')],
    ['403', 403, hubspotError('FORBIDDEN', 'User 11 does not have access to sequence 77.')],
    ['404', 404, hubspotError('OBJECT_NOT_FOUND', 'Sequence 77 does not exist.')],
  ])('fails this enrollment alone (other) when HubSpot answers %s', async (_form, status, body) => {
    expect(enrollmentSkipReason(await refusedWith(status, body))).toBe('other');
  });

  it('still leaves a 403 about scopes to fail the run', async () => {
    const scopes = await refusedWith(
      403,
      hubspotError('MISSING_SCOPES', 'This app has not been granted all required scopes.', {
        errors: [{ message: 'automation.sequences.enrollments.write is required for sequence 77' }],
      }),
    );
    expect(enrollmentSkipReason(scopes)).toBeNull();
  });
});

describe('the current enrollment of a contact in no sequence', () => {
  it.each([
    [
      '404',
      (h: ReturnType<typeof testGateway>['hubspot']) =>
        h.get(CURRENT).reply(404, hubspotError('OBJECT_NOT_FOUND', 'None')),
    ],
    [
      '204 with no body',
      (h: ReturnType<typeof testGateway>['hubspot']) => h.get(CURRENT).reply(204),
    ],
    [
      'an empty object',
      (h: ReturnType<typeof testGateway>['hubspot']) => h.get(CURRENT).reply(200, {}),
    ],
    [
      'an id of null',
      (h: ReturnType<typeof testGateway>['hubspot']) => h.get(CURRENT).reply(200, { id: null }),
    ],
  ])('is null when HubSpot answers %s', async (_form, answer) => {
    const { gateway, hubspot } = testGateway();
    answer(hubspot);
    expect(await gateway.currentEnrollment('5')).toBeNull();
    expect(gateway.apiCalls()).toEqual({ 'sequences.enrollment': 1 });
  });

  it('is still a malformed answer when an enrollment comes without its sequence', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.get(CURRENT).reply(200, { id: '9', enrolledAt: '2026-11-23T12:00:00Z' });
    await expect(gateway.currentEnrollment('5')).rejects.toBeInstanceOf(MalformedResponseError);
  });
});
