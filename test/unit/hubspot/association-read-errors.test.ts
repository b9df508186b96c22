import { describe, expect, it } from 'vitest';
import { AssociationReadError } from '../../../src/hubspot/association-read-error.ts';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';
import { hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const READ = '/crm/v4/associations/companies/contacts/batch/read';

/** HubSpot's per-input answer for an id with no associations (or no record). */
const noneFound = (id: string) =>
  hubspotError('OBJECT_NOT_FOUND', `No contact is associated with company ${id}.`, {
    subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
    context: { fromObjectId: [id], fromObjectType: ['company'], toObjectType: ['contact'] },
  });

// NO_ASSOCIATIONS_FOUND is HubSpot's "none"; any other per-input answer leaves it unknown.
describe('readAssociations, when HubSpot refuses some inputs', () => {
  it('reads every page but never takes an input HubSpot refused for "none": it names it and keeps the rest', async () => {
    const { gateway, hubspot } = testGateway();
    const to = (...contactIds: string[]) =>
      contactIds.map((toObjectId) => ({ toObjectId, associationTypes: [] }));
    hubspot
      .post(READ)
      .reply(207, {
        status: 'COMPLETE',
        results: [
          { from: { id: '1' }, to: to('10'), paging: { next: { after: 'p2' } } },
          { from: { id: '2' }, to: to('20'), paging: { next: { after: 'q2' } } },
        ],
        errors: [
          noneFound('3'),
          hubspotError('OBJECT_NOT_FOUND', 'Could not read company 4; it may be deleted.', {
            context: { fromObjectId: ['4'] },
          }),
        ],
        numErrors: 2,
      })
      .post(READ)
      .reply(207, {
        status: 'COMPLETE',
        results: [{ from: { id: '1' }, to: to('11') }],
        // A later page can fail too: the first page's ids are then not the whole answer.
        errors: [
          hubspotError('INTERNAL_ERROR', 'Try again.', { context: { fromObjectId: ['2'] } }),
        ],
        numErrors: 1,
      });

    const failed = await gateway
      .readAssociations('companies', 'contacts', ['1', '2', '3', '4'])
      .then(
        () => expect.fail('the read should have failed'),
        (error: unknown) => error,
      );

    expect(failed).toBeInstanceOf(AssociationReadError);
    expect(failed).toBeInstanceOf(HubSpotError);
    const error = failed as AssociationReadError;
    expect(error.failures).toEqual([
      {
        id: '4',
        category: 'OBJECT_NOT_FOUND',
        message: 'Could not read company 4; it may be deleted.',
      },
      { id: '2', category: 'INTERNAL_ERROR', message: 'Try again.' },
    ]);
    expect(error.message).toMatch(
      /did not return the contacts of companies 4, 2: OBJECT_NOT_FOUND/,
    );
    expect(Object.fromEntries(error.associations)).toEqual({
      '1': [
        { id: '10', types: [] },
        { id: '11', types: [] },
      ],
      '3': [],
    });
    expect(gateway.apiCalls()).toEqual({ 'associations.batchRead': 2 });
  });

  it('counts an input HubSpot neither answered nor refused as failed, not as "none"', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.post(READ).reply(200, {
      status: 'COMPLETE',
      results: [{ from: { id: '1' }, to: [{ toObjectId: 10, associationTypes: [] }] }],
    });

    const failed = await gateway.readAssociations('companies', 'contacts', ['1', '2']).then(
      () => expect.fail('the read should have failed'),
      (error: unknown) => error,
    );

    expect((failed as AssociationReadError).failures).toEqual([
      {
        id: '2',
        category: 'MISSING_RESULT',
        message: 'HubSpot returned neither a result nor an error for this id.',
      },
    ]);
  });
});
