import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/cli/cli-error.ts';
import { sandboxAssociateCommand } from '../../../src/cli/sandbox-associate-command.ts';
import { SANDBOX_DEFAULTS } from '../../../src/sandbox/sandbox-defaults.ts';
import {
  COMPANY,
  companiesToRescore,
  quietIo,
  useCrmChangeWorld,
  workFor,
} from './crm-change-world.ts';

const APP_ID = String(SANDBOX_DEFAULTS.appId);
const { start, send, link, delivered, env } = useCrmChangeWorld();

describe('company–contact association changes', () => {
  it('dissociating and associating with the CLI sends company.associationChange events for the company', async () => {
    const { gateway, contact } = await start();
    expect(link('dissociate', COMPANY, contact)).toContain(
      `Contact ${contact} and company ${COMPANY} are no longer associated`,
    );
    const removed = await delivered();
    expect(removed).toHaveLength(2);
    expect(removed.find((event) => !event.isPrimaryAssociation)).toEqual({
      eventId: expect.any(Number),
      subscriptionId: expect.any(Number),
      portalId: SANDBOX_DEFAULTS.hubId,
      appId: SANDBOX_DEFAULTS.appId,
      occurredAt: expect.any(Number),
      subscriptionType: 'company.associationChange',
      attemptNumber: 0,
      changeSource: 'USER',
      associationType: 'COMPANY_TO_CONTACT',
      fromObjectId: Number(COMPANY),
      toObjectId: Number(contact),
      associationRemoved: true,
      isPrimaryAssociation: false,
      sourceId: expect.stringMatching(/^userId:\d+$/),
    });
    expect(removed.find((event) => event.isPrimaryAssociation)).toMatchObject({
      associationRemoved: true,
    });
    expect(await companiesToRescore(gateway, removed)).toEqual([COMPANY]);
    expect(
      (await gateway.readAssociations('companies', 'contacts', [COMPANY])).get(COMPANY),
    ).not.toContain(contact);

    // Given in either order; the contact has no primary company left, so this one becomes it.
    expect(link('associate', contact, COMPANY)).toContain(
      'are now associated (as its primary company',
    );
    const added = await delivered();
    expect(added.map((event) => [event.associationRemoved, event.isPrimaryAssociation])).toEqual([
      [false, false],
      [false, true],
    ]);
    expect(await companiesToRescore(gateway, added)).toEqual([COMPANY]);

    const again = link('associate', COMPANY, contact);
    expect(again).toContain('were already associated');
    expect(again).toContain('Nothing changed');
    expect(await delivered()).toEqual([]);
  });

  it('links and unlinks through the v4 API; each side hears its own event, attributed to the app', async () => {
    const { contact, other } = await start([
      { subscriptionType: 'company.associationChange' },
      { subscriptionType: 'contact.associationChange' },
    ]);
    const put = await send(
      'PUT',
      `/crm/v4/objects/contacts/${contact}/associations/default/companies/${other}`,
    );
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      status: 'COMPLETE',
      results: [
        {
          from: { id: contact },
          to: { id: other },
          associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 },
        },
        {
          from: { id: other },
          to: { id: contact },
          associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 280 },
        },
      ],
    });
    const added = await delivered();
    expect(
      added.map((event) => [event.subscriptionType, event.associationType, event.fromObjectId]),
    ).toEqual([
      ['company.associationChange', 'COMPANY_TO_CONTACT', Number(other)],
      ['contact.associationChange', 'CONTACT_TO_COMPANY', Number(contact)],
    ]);
    for (const event of added) {
      // The contact keeps its primary company; the new one is an unlabeled link.
      expect(event).toMatchObject({
        isPrimaryAssociation: false,
        changeSource: 'INTEGRATION',
        sourceId: APP_ID,
      });
      expect(workFor(event)).toEqual({ kind: 'ignore', why: 'a change this app made' });
    }

    const gone = await send(
      'DELETE',
      `/crm/v4/objects/companies/${other}/associations/contacts/${contact}`,
    );
    expect(gone.status).toBe(204);
    const removed = await delivered();
    expect(removed.map((event) => event.associationRemoved)).toEqual([true, true]);
  });

  it('refuses unknown records, a pair other than company and contact, and two of a kind', async () => {
    const { contact, other } = await start();
    const missing = await send(
      'PUT',
      `/crm/v4/objects/companies/${COMPANY}/associations/default/contacts/52000999999`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('No contact with id 52000999999 exists.');
    const tasks = await send(
      'DELETE',
      `/crm/v4/objects/companies/${COMPANY}/associations/tasks/83000000001`,
    );
    expect(tasks.status).toBe(400);

    const refusal = (...ids: [string, string]) => {
      const { io } = quietIo();
      try {
        sandboxAssociateCommand('associate', ids, io, env());
      } catch (error) {
        expect(error).toBeInstanceOf(CliError);
        return (error as Error).message;
      }
      throw new Error('no refusal');
    };
    expect(refusal(COMPANY, other)).toBe(
      `Give one company and one contact (${COMPANY} is a company, ${other} is a company): e.g. vitals sandbox associate 31000000001 52000000003.`,
    );
    expect(refusal(COMPANY, '52000999999')).toMatch(
      /^The sandbox portal has no contact 52000999999: its contacts have ids from 52\d+ to 52\d+\.$/,
    );
    expect(refusal('acme', contact)).toContain('"acme" is not a company id or a contact id');
    expect(await delivered()).toEqual([]);
  });
});
