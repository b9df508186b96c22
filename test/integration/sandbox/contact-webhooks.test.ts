import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/cli/cli-error.ts';
import { SANDBOX_DEFAULTS } from '../../../src/sandbox/sandbox-defaults.ts';
import { COMPANY, companiesToRescore, useCrmChangeWorld } from './crm-change-world.ts';

const APP_ID = String(SANDBOX_DEFAULTS.appId);
const { start, send, change, delivered, sandbox } = useCrmChangeWorld();

describe('contact property changes', () => {
  it('sends a subscribed property written through the API as a signed contact.propertyChange, and no other', async () => {
    const { contact } = await start();
    const patched = await send('PATCH', `/crm/v3/objects/contacts/${contact}`, {
      properties: { hs_buying_role: 'BLOCKER', jobtitle: 'Head of Procurement' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.properties).toMatchObject({ hs_buying_role: 'BLOCKER' });
    const batch = await sandbox().post('/crm/v3/objects/contacts/batch/update', {
      inputs: [{ id: contact, properties: { left_company: 'true', firstname: 'Robin' } }],
    });
    expect(batch.status).toBe(200);

    const events = await delivered();
    expect(events.map((event) => event.propertyName)).toEqual(['hs_buying_role', 'left_company']);
    expect(events[0]).toEqual({
      eventId: expect.any(Number),
      subscriptionId: expect.any(Number),
      portalId: SANDBOX_DEFAULTS.hubId,
      appId: SANDBOX_DEFAULTS.appId,
      occurredAt: expect.any(Number),
      subscriptionType: 'contact.propertyChange',
      attemptNumber: 0,
      objectId: Number(contact),
      propertyName: 'hs_buying_role',
      propertyValue: 'BLOCKER',
      changeSource: 'INTEGRATION',
      sourceId: APP_ID,
    });
    const read = await sandbox().get(
      `/crm/v3/objects/contacts/${contact}?properties=hs_buying_role&propertiesWithHistory=hs_buying_role`,
    );
    expect(read.body.propertiesWithHistory.hs_buying_role[0]).toMatchObject({
      value: 'BLOCKER',
      sourceType: 'INTEGRATION',
    });
  });

  it('`vitals sandbox change CONTACT_ID` sends CRM_UI and survey events the worker maps to its company', async () => {
    const { gateway, contact } = await start();
    const out = change(
      contact,
      'hs_buying_role=BLOCKER',
      'hs_feedback_last_nps_rating=3',
      'jobtitle=CTO',
    );
    expect(out).toContain(`Contact ${contact} in the sandbox portal`);
    expect(out).toMatch(/hs_feedback_last_nps_rating: .* → "3" \(as a feedback survey answer/);
    expect(out).toContain(`Its company: ${COMPANY}.`);

    const events = await delivered();
    const byName = Object.fromEntries(events.map((event) => [event.propertyName, event]));
    expect(Object.keys(byName).sort()).toEqual([
      'hs_buying_role',
      'hs_feedback_last_nps_rating',
      'hs_feedback_last_survey_date',
    ]);
    expect(byName.hs_buying_role).toMatchObject({
      changeSource: 'CRM_UI',
      propertyValue: 'BLOCKER',
    });
    expect(byName.hs_buying_role.sourceId).toMatch(/^userId:\d+$/);
    expect(byName.hs_feedback_last_nps_rating).toMatchObject({
      propertyValue: '3',
      changeSource: 'CALCULATED',
    });
    expect(await companiesToRescore(gateway, events)).toEqual([COMPANY]);
  });

  it('refuses an unknown contact property (naming the closest), a read-only one and a bad option', async () => {
    const { contact } = await start();
    const refusal = (...assignments: string[]) => {
      try {
        change(contact, ...assignments);
      } catch (error) {
        expect(error).toBeInstanceOf(CliError);
        return (error as Error).message;
      }
      throw new Error('no refusal');
    };
    expect(refusal('hs_buyng_role=CHAMPION')).toBe(
      'The sandbox\'s contacts have no property "hs_buyng_role": did you mean "hs_buying_role"?',
    );
    expect(refusal('createdate=2026-01-01')).toContain('"createdate" is a read only property');
    expect(refusal('hs_buying_role=HERO')).toMatch(/hs_buying_role: HERO was not one of/);
    expect(await delivered()).toEqual([]);
  });
});
