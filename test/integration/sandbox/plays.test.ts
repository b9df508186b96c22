import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/hubspot/create-gateway.ts';
import { enrollmentSkipReason } from '../../../src/hubspot/enrollment-skip-reason.ts';
import { ASSOCIATION_TYPES } from '../../../src/hubspot/read-associations.ts';
import { listAll, startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';

interface Contact {
  id: string;
  properties: Record<string, string | null>;
}

/** What enrollInSequence threw, or a failure when it did not throw. */
async function refusal(attempt: Promise<unknown>): Promise<unknown> {
  return attempt.then(
    () => expect.fail('the enrollment should have been refused'),
    (error: unknown) => error,
  );
}

// The gateway against the sandbox: what the plays shell does, end to end.
describe('plays through the gateway, against the sandbox', () => {
  let t: TestSandbox;
  let gateway: Gateway;
  let contacts: Contact[];
  let companyId: string;
  beforeAll(async () => {
    // 60 companies give ~200 contacts: enough for one without email and one opted out.
    // Not about search's lag: a task is found by its marker as soon as it exists.
    t = await startTestSandbox({ companies: 60, searchIndexLagMs: 0 });
    gateway = createGateway({ accessToken: t.sandbox.token, basePath: t.sandbox.url, per10s: 190 });
    contacts = await listAll(t, 'contacts', ['email', 'hs_email_optout']);
    companyId = (await listAll(t, 'companies'))[0].id;
  });
  afterAll(() => t.close());

  it('finds a task again by the marker in its body, and only that task', async () => {
    const due = '2026-12-01T09:00:00.000Z';
    const body = (marker: string) => `<p>Renewal in 60 days: book a call.</p><p>${marker}</p>`;
    const created = await gateway.createTasks([
      {
        properties: {
          hs_timestamp: due,
          hs_task_subject: 'Renewal',
          hs_task_body: body('vitals7f3a9c2e1b04'),
        },
        associations: [{ id: companyId, typeId: 192 }],
        traceId: 'first',
      },
      {
        properties: {
          hs_timestamp: due,
          hs_task_subject: 'Other',
          hs_task_body: body('vitals7f3a9c2e1b05'),
        },
        traceId: 'second',
      },
    ]);
    expect(created.errors).toEqual([]);
    // HubSpot does not promise input order: the trace ids tell which task is which.
    const idOf = (traceId: string) => created.created.find((task) => task.traceId === traceId)?.id;
    const [first, second] = [idOf('first'), idOf('second')];

    const found = await gateway.findTasksByMarker([
      'vitals7f3a9c2e1b04',
      'vitals7f3a9c2e1b05',
      'vitals000000000000',
    ]);

    expect(found).toEqual(
      new Map([
        ['vitals7f3a9c2e1b04', first],
        ['vitals7f3a9c2e1b05', second],
      ]),
    );
    expect(gateway.apiCalls()['tasks.search']).toBe(1);
  });

  it('serves the contact properties the plays read', async () => {
    const names = [
      'email',
      'hs_email_optout',
      'hs_buying_role',
      'left_company',
      'firstname',
      'lastname',
    ];
    const [contact] = await gateway.readContacts([contacts[0]!.id], names);
    expect(Object.keys(contact!.properties)).toEqual(expect.arrayContaining(names));
    expect(contact!.properties.hs_email_optout).toMatch(/^(true|false)$/);
    expect(contact!.properties.left_company).toMatch(/^(true|false)$/);
  });

  it("reads company→contact association types: unlabeled 280 and primary 2 (the contact's primary company)", async () => {
    const linked = await gateway.readAssociationTypes('companies', 'contacts', [companyId]);
    const records = linked.get(companyId) ?? [];
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(record.types.map((type) => type.typeId).sort((a, b) => a - b)).toEqual([
        ASSOCIATION_TYPES.companyToContactPrimary,
        ASSOCIATION_TYPES.companyToContact,
      ]);
      expect(record.types).toContainEqual({
        category: 'HUBSPOT_DEFINED',
        typeId: 280,
        label: null,
      });
    }
  });

  it('lists the plays’ sequences for the sender, and turns each refused enrollment into a skip reason', async () => {
    const sender = t.sandbox.portal.sender!;
    const sequences = await gateway.listSequences(sender.userId);
    const byName = new Map(sequences.map((sequence) => [sequence.name, sequence.id]));
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining(['Renewal', 'Win-back', 'Payment recovery']),
    );
    const enroll = (contact: Contact, sequence: string) =>
      gateway.enrollInSequence({
        contactId: contact.id,
        sequenceId: byName.get(sequence)!,
        senderEmail: sender.email,
        userId: sender.userId,
      });

    const reachable = contacts.filter(
      (c) => c.properties.email && c.properties.hs_email_optout === 'false',
    );
    const enrolled = await enroll(reachable[0]!, 'Renewal');
    expect(enrolled.toEmail).toBe(reachable[0]!.properties.email);
    expect(await gateway.currentEnrollment(reachable[0]!.id)).toMatchObject({
      id: enrolled.id,
      sequenceName: 'Renewal',
    });

    // The refusal's form depends on the portal's seed (sequences.test.ts covers each).
    const again = await refusal(enroll(reachable[0]!, 'Win-back'));
    expect(enrollmentSkipReason(again)).toBe('already-enrolled');

    const noEmail = contacts.find((c) => !c.properties.email)!;
    expect(enrollmentSkipReason(await refusal(enroll(noEmail, 'Win-back')))).toBe('no-email');

    const optedOut = contacts.find(
      (c) => c.properties.email && c.properties.hs_email_optout === 'true',
    )!;
    expect(enrollmentSkipReason(await refusal(enroll(optedOut, 'Payment recovery')))).toBe(
      'opted-out',
    );
    // Refusals are never resent: one call each.
    expect(gateway.apiCalls()['sequences.enroll']).toBe(4);
  });
});
