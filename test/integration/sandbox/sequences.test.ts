import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../../src/hubspot/create-gateway.ts';
import { enrollmentSkipReason } from '../../../src/hubspot/enrollment-skip-reason.ts';
import {
  ALREADY_ENROLLED_FORMS,
  FOREIGN_SEQUENCE_FORMS,
  NO_ENROLLMENT_FORMS,
  type SequenceErrorForms,
} from '../../../src/sandbox/sequence-error-forms.ts';
import {
  expectStandardError,
  listAll,
  startTestSandbox,
  type TestSandbox,
} from './sandbox-fixture.ts';

interface Contact {
  id: string;
  properties: Record<string, string | null>;
}

interface Owner {
  userId: number;
  email: string;
}

interface Sequence {
  id: string;
  userId: string;
}

const reachable = (contacts: Contact[]) =>
  contacts.filter((c) => c.properties.email && c.properties.hs_email_optout === 'false');

describe('sandbox sequences v4', () => {
  let t: TestSandbox;
  let contacts: Contact[];
  let owner: Owner;
  let sequenceId: string;
  beforeAll(async () => {
    // 60 companies give ~200 contacts: enough for one without email and one opted out.
    t = await startTestSandbox({
      companies: 60,
      sequenceErrorForms: {
        alreadyEnrolled: 'bad-request',
        noEnrollment: 'not-found',
        foreignSequence: 'bad-request',
      },
    });
    contacts = await listAll(t, 'contacts', ['email', 'hs_email_optout']);
    owner = (await t.get('/crm/v3/owners')).body.results[0];
    const sequences: Sequence[] = (await t.get(`/automation/v4/sequences?userId=${owner.userId}`))
      .body.results;
    sequenceId = sequences.find((s) => s.userId === String(owner.userId))!.id;
  });
  afterAll(() => t.close());

  const enroll = (contact: Contact, senderEmail = owner.email, sequence = sequenceId) =>
    t.post(`/automation/v4/sequences/enrollments?userId=${owner.userId}`, {
      contactId: contact.id,
      sequenceId: sequence,
      senderEmail,
    });

  it('lists sequences only for a userId of the portal', async () => {
    expectStandardError(await t.get('/automation/v4/sequences'), 400, 'VALIDATION_ERROR');
    const reply = await t.get(`/automation/v4/sequences?userId=${owner.userId}&limit=2`);
    expect(reply.body).toMatchObject({ total: 8, paging: { next: { after: '2' } } });
    expect(reply.body.results[0]).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      userId: expect.any(String),
    });
  });

  it('enrolls a contact, then reports the enrollment for that contact', async () => {
    const contact = reachable(contacts)[0]!;
    expectStandardError(
      await t.get(`/automation/v4/sequences/enrollments/contact/${contact.id}`),
      404,
      'OBJECT_NOT_FOUND',
    );
    const reply = await enroll(contact);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: expect.any(String),
      toEmail: contact.properties.email,
      enrolledAt: expect.any(String),
    });
    const current = await t.get(`/automation/v4/sequences/enrollments/contact/${contact.id}`);
    expect(current.body).toMatchObject({
      id: reply.body.id,
      sequenceId,
      enrolledBy: String(owner.userId),
      enrolledByEmail: owner.email,
    });
  });

  it('refuses a contact already in a sequence', async () => {
    const contact = reachable(contacts)[1]!;
    expect((await enroll(contact)).status).toBe(200);
    expectStandardError(await enroll(contact), 400, 'VALIDATION_ERROR');
  });

  it('refuses contacts without email or opted out, a sender that is not the user, and another user’s sequence', async () => {
    const noEmail = contacts.find((c) => !c.properties.email)!;
    const optedOut = contacts.find(
      (c) => c.properties.email && c.properties.hs_email_optout === 'true',
    )!;
    expectStandardError(await enroll(noEmail), 400, 'VALIDATION_ERROR');
    expectStandardError(await enroll(optedOut), 400, 'VALIDATION_ERROR');
    expectStandardError(
      await enroll(reachable(contacts)[2]!, 'someone@else.example'),
      400,
      'VALIDATION_ERROR',
    );
    const all: Sequence[] = (await t.get(`/automation/v4/sequences?userId=${owner.userId}`)).body
      .results;
    const foreign = all.find((s) => s.userId !== String(owner.userId))!;
    const refused = await enroll(reachable(contacts)[3]!, owner.email, foreign.id);
    expectStandardError(refused, 400, 'VALIDATION_ERROR');
    expect(refused.body.message).toContain('does not belong to user');
  });
});

// HubSpot documents none of these refusals: each portal picks one form of each, and the gateway
// must read every form the same way.
describe.each([0, 1, 2])('sequence refusals, form set %i, read by the gateway', (index) => {
  const forms: SequenceErrorForms = {
    alreadyEnrolled: ALREADY_ENROLLED_FORMS[index]!,
    noEnrollment: NO_ENROLLMENT_FORMS[index]!,
    foreignSequence: FOREIGN_SEQUENCE_FORMS[index]!,
  };
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ companies: 4, sequenceErrorForms: forms });
  });
  afterAll(() => t.close());

  it(`answers ${forms.alreadyEnrolled}, ${forms.noEnrollment} and ${forms.foreignSequence}`, async () => {
    const gateway = createGateway({
      accessToken: t.sandbox.token,
      basePath: t.sandbox.url,
      per10s: 190,
    });
    const [contact, other] = reachable(await listAll(t, 'contacts', ['email', 'hs_email_optout']));
    const sender = t.sandbox.portal.sender!;
    const sequences: Sequence[] = (await t.get(`/automation/v4/sequences?userId=${sender.userId}`))
      .body.results;
    const own = sequences.find((s) => s.userId === sender.userId)!;
    const foreign = sequences.find((s) => s.userId !== sender.userId)!;
    const enroll = (contactId: string, sequenceId: string) =>
      gateway.enrollInSequence({
        contactId,
        sequenceId,
        senderEmail: sender.email,
        userId: sender.userId,
      });
    const refusal = (attempt: Promise<unknown>) =>
      attempt.then(
        () => expect.fail('the enrollment should have been refused'),
        (error: unknown) => error,
      );

    expect(await gateway.currentEnrollment(contact!.id)).toBeNull();
    const enrolled = await enroll(contact!.id, own.id);
    expect(await gateway.currentEnrollment(contact!.id)).toMatchObject({ id: enrolled.id });

    const again = await refusal(enroll(contact!.id, own.id));
    expect(again).toMatchObject({ status: forms.alreadyEnrolled === 'conflict' ? 409 : 400 });
    expect(enrollmentSkipReason(again)).toBe('already-enrolled');

    const notTheirs = await refusal(enroll(other!.id, foreign.id));
    const status = { 'bad-request': 400, forbidden: 403, 'not-found': 404 }[forms.foreignSequence];
    expect(notTheirs).toMatchObject({ status });
    // A configuration problem of this one enrollment: neither a skip nor the run's failure.
    expect(enrollmentSkipReason(notTheirs)).toBe('other');
    expect(await gateway.currentEnrollment(other!.id)).toBeNull();
  });
});
