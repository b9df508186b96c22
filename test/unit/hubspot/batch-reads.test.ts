import { describe, expect, it } from 'vitest';
import { crmObject, hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const ids = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1));

/** HubSpot's per-input answer for an id with no associations (or no record). */
const noneFound = (id: string) =>
  hubspotError('OBJECT_NOT_FOUND', `No contact is associated with company ${id}.`, {
    subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
    context: { fromObjectId: [id], fromObjectType: ['company'], toObjectType: ['contact'] },
  });

interface Input {
  id: string;
  after?: string;
}

describe('readContacts', () => {
  it('reads 250 ids in 3 batch calls of at most 100 and leaves out ids HubSpot does not know', async () => {
    const { gateway, hubspot } = testGateway();
    const sizes: number[] = [];
    const asked: string[][] = [];
    hubspot
      .post('/crm/v3/objects/contacts/batch/read')
      .query({ archived: 'false' })
      .times(3)
      .reply(async (request: Request) => {
        const body = (await request.json()) as { inputs: Input[]; properties: string[] };
        sizes.push(body.inputs.length);
        asked.push(body.properties);
        const known = body.inputs.filter((input) => input.id !== '7');
        const results = known.map((i) => crmObject(i.id, { hs_buying_role: 'CHAMPION' }));
        if (known.length === body.inputs.length) return [200, { status: 'COMPLETE', results }];
        const missing = hubspotError('OBJECT_NOT_FOUND', 'Could not get some CONTACT objects', {
          context: { ids: ['7'] },
        });
        return [207, { status: 'COMPLETE', results, numErrors: 1, errors: [missing] }];
      });

    const contacts = await gateway.readContacts([...ids(250), '1'], ['hs_buying_role']);

    expect(sizes).toEqual([100, 100, 50]);
    expect(asked).toEqual(Array(3).fill(['hs_buying_role']));
    expect(contacts).toHaveLength(249);
    expect(contacts.map((c) => c.id)).not.toContain('7');
    expect(contacts[0]).toEqual({ id: '1', properties: { hs_buying_role: 'CHAMPION' } });
    expect(gateway.apiCalls()).toEqual({ 'contacts.batchRead': 3 });
  });
});

describe('readCompanies', () => {
  it('reads companies by id through the companies batch endpoint, unknown ids left out', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post('/crm/v3/objects/companies/batch/read')
      .query({ archived: 'false' })
      .reply(async (request: Request) => {
        const body = (await request.json()) as { inputs: Input[]; properties: string[] };
        expect(body.properties).toEqual(['name']);
        const missing = hubspotError('OBJECT_NOT_FOUND', 'Could not get some COMPANY objects', {
          context: { ids: ['404'] },
        });
        const results = [crmObject('31', { name: 'Acme' })];
        return [207, { status: 'COMPLETE', results, numErrors: 1, errors: [missing] }];
      });

    const companies = await gateway.readCompanies(['31', '404'], ['name']);

    expect(companies).toEqual([{ id: '31', properties: { name: 'Acme' } }]);
    expect(gateway.apiCalls()).toEqual({ 'companies.batchRead': 1 });
  });
});

describe('readAssociations', () => {
  it('reads 2,500 ids in 3 calls of at most 1,000 and gives every id a list', async () => {
    const { gateway, hubspot } = testGateway();
    const sizes: number[] = [];
    hubspot
      .post('/crm/v4/associations/companies/contacts/batch/read')
      .times(3)
      .reply(async (request: Request) => {
        const { inputs } = (await request.json()) as { inputs: Input[] };
        sizes.push(inputs.length);
        // HubSpot lists only ids that have associations, and sends toObjectId as a number; the
        // others are NO_ASSOCIATIONS_FOUND errors.
        const linked = (input: Input) => Number(input.id) % 2 === 0;
        const results = inputs.filter(linked).map((input) => ({
          from: { id: input.id },
          to: [
            {
              toObjectId: Number(input.id) * 10,
              associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 280, label: null }],
            },
          ],
        }));
        const errors = inputs.filter((input) => !linked(input)).map((input) => noneFound(input.id));
        return [207, { status: 'COMPLETE', results, errors, numErrors: errors.length }];
      });

    const associated = await gateway.readAssociations('companies', 'contacts', ids(2500));

    expect(sizes).toEqual([1000, 1000, 500]);
    expect(associated.size).toBe(2500);
    expect(associated.get('2')).toEqual(['20']);
    expect(associated.get('3')).toEqual([]);
    expect(gateway.apiCalls()).toEqual({ 'associations.batchRead': 3 });
  });

  it("follows each input's own paging cursor in a later batch", async () => {
    const { gateway, hubspot } = testGateway();
    const bodies: Input[][] = [];
    hubspot
      .post('/crm/v4/associations/companies/contacts/batch/read')
      .times(2)
      .reply(async (request: Request) => {
        const { inputs } = (await request.json()) as { inputs: Input[] };
        bodies.push(inputs);
        const to = (...contactIds: string[]) =>
          contactIds.map((toObjectId) => ({ toObjectId, associationTypes: [] }));
        if (bodies.length === 2) {
          return [200, { status: 'COMPLETE', results: [{ from: { id: 'a' }, to: to('3') }] }];
        }
        return [
          200,
          {
            status: 'COMPLETE',
            results: [
              { from: { id: 'a' }, to: to('1', '2'), paging: { next: { after: 'p2' } } },
              { from: { id: 'b' }, to: to('9') },
            ],
          },
        ];
      });

    const associated = await gateway.readAssociations('companies', 'contacts', ['a', 'b']);

    expect(bodies).toEqual([[{ id: 'a' }, { id: 'b' }], [{ id: 'a', after: 'p2' }]]);
    expect(Object.fromEntries(associated)).toEqual({ a: ['1', '2', '3'], b: ['9'] });
  });
});
