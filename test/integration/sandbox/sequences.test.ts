import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('sandbox sequences v4', () => {
  let t: TestSandbox;
  let contacts: Contact[];
  let owner: { userId: number; email: string };
  let sequenceId: string;
  beforeAll(async () => {
    // 60 companies give ~200 contacts: enough for one without email and one opted out.
    t = await startTestSandbox({ companies: 60 });
    contacts = await listAll(t, 'contacts', ['email', 'hs_email_optout']);
    owner = (await t.get('/crm/v3/owners')).body.results[0];
    sequenceId = (await t.get(`/automation/v4/sequences?userId=${owner.userId}`)).body.results[0]
      .id;
  });
  afterAll(() => t.close());

  const enroll = (contact: Contact, senderEmail = owner.email) =>
    t.post(`/automation/v4/sequences/enrollments?userId=${owner.userId}`, {
      contactId: contact.id,
      sequenceId,
      senderEmail,
    });
  const reachable = () =>
    contacts.filter((c) => c.properties.email && c.properties.hs_email_optout === 'false');

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
    const contact = reachable()[0]!;
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

  it('refuses a contact already in a sequence with a 400', async () => {
    const contact = reachable()[1]!;
    expect((await enroll(contact)).status).toBe(200);
    expectStandardError(await enroll(contact), 400, 'VALIDATION_ERROR');
  });

  it('refuses contacts without email or opted out, and a sender that is not the user', async () => {
    const noEmail = contacts.find((c) => !c.properties.email)!;
    const optedOut = contacts.find(
      (c) => c.properties.email && c.properties.hs_email_optout === 'true',
    )!;
    expectStandardError(await enroll(noEmail), 400, 'VALIDATION_ERROR');
    expectStandardError(await enroll(optedOut), 400, 'VALIDATION_ERROR');
    expectStandardError(
      await enroll(reachable()[2]!, 'someone@else.example'),
      400,
      'VALIDATION_ERROR',
    );
  });

  it('can answer a repeat enrollment with 409 instead', async () => {
    const strict = await startTestSandbox({ companies: 2, alreadyEnrolledStatus: 409 });
    try {
      const contact = (await listAll(strict, 'contacts', ['email', 'hs_email_optout'])).find(
        (c: Contact) => c.properties.email && c.properties.hs_email_optout === 'false',
      );
      const user = (await strict.get('/crm/v3/owners')).body.results[0];
      const sequence = (await strict.get(`/automation/v4/sequences?userId=${user.userId}`)).body
        .results[0];
      const body = { contactId: contact.id, sequenceId: sequence.id, senderEmail: user.email };
      const path = `/automation/v4/sequences/enrollments?userId=${user.userId}`;
      const first = await strict.post(path, body);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expectStandardError(await strict.post(path, body), 409, 'CONFLICT');
    } finally {
      await strict.close();
    }
  });
});
