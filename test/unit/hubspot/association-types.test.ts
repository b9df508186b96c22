import { describe, expect, it } from 'vitest';
import { ASSOCIATION_TYPES } from '../../../src/hubspot/read-associations.ts';
import { hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const READ = '/crm/v4/associations/companies/contacts/batch/read';
const unlabeled = { category: 'HUBSPOT_DEFINED', typeId: 280, label: null };
const primary = { category: 'HUBSPOT_DEFINED', typeId: 2, label: 'Primary' };

describe('readAssociationTypes', () => {
  it('returns each linked record with its association types, all pages read', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post(READ)
      .reply(207, {
        status: 'COMPLETE',
        results: [
          {
            from: { id: '10' },
            to: [
              { toObjectId: 101, associationTypes: [primary, unlabeled] },
              // A contact whose primary company is another one: unlabeled only, label absent.
              { toObjectId: 102, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 280 }] },
            ],
            paging: { next: { after: 'n1' } },
          },
        ],
        errors: [
          hubspotError('OBJECT_NOT_FOUND', 'No contact is associated with company 11.', {
            subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
            context: { fromObjectId: ['11'] },
          }),
        ],
      })
      .post(READ, { inputs: [{ id: '10', after: 'n1' }] })
      .reply(200, {
        status: 'COMPLETE',
        results: [
          {
            from: { id: '10' },
            to: [
              {
                toObjectId: '103',
                associationTypes: [
                  unlabeled,
                  { category: 'USER_DEFINED', typeId: 37, label: 'Billing contact' },
                ],
              },
            ],
          },
        ],
      });

    const linked = await gateway.readAssociationTypes('companies', 'contacts', ['10', '11']);

    expect(Object.fromEntries(linked)).toEqual({
      '10': [
        { id: '101', types: [primary, unlabeled] },
        { id: '102', types: [unlabeled] },
        {
          id: '103',
          types: [unlabeled, { category: 'USER_DEFINED', typeId: 37, label: 'Billing contact' }],
        },
      ],
      '11': [],
    });
    const primaryOf = (id: string) =>
      (linked.get('10') ?? [])
        .filter((r) => r.types.some((t) => t.typeId === ASSOCIATION_TYPES.companyToContactPrimary))
        .map((r) => r.id)
        .includes(id);
    expect([primaryOf('101'), primaryOf('102'), primaryOf('103')]).toEqual([true, false, false]);
    expect(gateway.apiCalls()).toEqual({ 'associations.batchRead': 2 });
  });

  it('leaves readAssociations as it was: ids only', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.post(READ).reply(200, {
      status: 'COMPLETE',
      results: [{ from: { id: '10' }, to: [{ toObjectId: 101, associationTypes: [primary] }] }],
    });
    const ids = await gateway.readAssociations('companies', 'contacts', ['10']);
    expect(Object.fromEntries(ids)).toEqual({ '10': ['101'] });
  });
});
