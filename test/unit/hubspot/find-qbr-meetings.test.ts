import { describe, expect, it } from 'vitest';
import { AssociationReadError } from '../../../src/hubspot/association-read-error.ts';
import { crmObject, hubspotError, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const SEARCH = '/crm/v3/objects/meetings/search';
const LINKS = '/crm/v4/associations/meetings/companies/batch/read';
const FROM = '2026-11-21T00:00:00Z';
const TO = '2026-12-26T23:59:59Z';
const query = { titleToken: 'QBR', from: FROM, to: TO };

interface Filter {
  propertyName: string;
  operator: string;
  value: string;
}

interface SearchBody {
  filterGroups: { filters: Filter[] }[];
  sorts: unknown[];
  properties: string[];
  limit: number;
}

function meeting(id: string, title: string, start: string, outcome: string | null = 'SCHEDULED') {
  return crmObject(id, {
    hs_meeting_title: title,
    hs_meeting_start_time: start,
    hs_meeting_outcome: outcome,
    hs_object_id: id,
  });
}

/** A v4 batch read answer: each meeting on the given companies (meeting→company, 188). */
function links(pairs: Record<string, string[]>) {
  return {
    status: 'COMPLETE',
    results: Object.entries(pairs).map(([from, to]) => ({
      from: { id: from },
      to: to.map((id) => ({
        toObjectId: Number(id),
        associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 188, label: null }],
      })),
    })),
    startedAt: FROM,
    completedAt: FROM,
  };
}

describe('findQbrMeetings', () => {
  it('searches by title token and start window, then reads the meetings’ companies in one call', async () => {
    const { gateway, hubspot } = testGateway();
    const searches: SearchBody[] = [];
    const reads: unknown[] = [];
    hubspot
      .post(SEARCH)
      .reply(async (request: Request) => {
        searches.push((await request.json()) as SearchBody);
        return [
          200,
          {
            total: 3,
            results: [
              meeting('91002', 'Q4 QBR with Acme', '2026-12-10T15:00:00Z'),
              meeting('91001', 'Q4 QBR with Birch', '2026-11-25T14:00:00.000Z', 'RESCHEDULED'),
              meeting('91003', 'Q4 QBR with Acme', '2026-12-03T15:00:00Z', 'CANCELED'),
            ],
          },
        ];
      })
      .post(LINKS)
      .reply(async (request: Request) => {
        reads.push(await request.json());
        return [200, links({ '91001': ['31000000002'], '91002': ['31000000001', '31000000009'] })];
      });

    const found = await gateway.findQbrMeetings(query);

    expect(searches).toEqual([
      {
        filterGroups: [
          {
            filters: [
              { propertyName: 'hs_meeting_title', operator: 'CONTAINS_TOKEN', value: 'QBR' },
              {
                propertyName: 'hs_meeting_start_time',
                operator: 'GTE',
                value: String(Date.parse(FROM)),
              },
              {
                propertyName: 'hs_meeting_start_time',
                operator: 'LTE',
                value: String(Date.parse(TO)),
              },
              { propertyName: 'hs_object_id', operator: 'GT', value: '0' },
            ],
          },
        ],
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
        properties: ['hs_meeting_title', 'hs_meeting_start_time', 'hs_meeting_outcome'],
        limit: 200,
      },
    ]);
    // The canceled meeting is left out before its companies are read.
    expect(reads).toEqual([{ inputs: [{ id: '91002' }, { id: '91001' }] }]);
    expect(found).toEqual([
      {
        id: '91001',
        title: 'Q4 QBR with Birch',
        startTime: '2026-11-25T14:00:00.000Z',
        outcome: 'RESCHEDULED',
        companyIds: ['31000000002'],
      },
      {
        id: '91002',
        title: 'Q4 QBR with Acme',
        startTime: '2026-12-10T15:00:00.000Z',
        outcome: 'SCHEDULED',
        companyIds: ['31000000001', '31000000009'],
      },
    ]);
    expect(gateway.apiCalls()).toEqual({ 'meetings.search': 1, 'associations.batchRead': 1 });
  });

  it('pages by id past the last one seen, so it never meets the 10,000-result cap', async () => {
    const { gateway, hubspot } = testGateway();
    const afterIds: string[] = [];
    hubspot
      .post(SEARCH)
      .times(3)
      .reply(async (request: Request) => {
        const body = (await request.json()) as SearchBody;
        const after = body.filterGroups[0]!.filters.find((f) => f.propertyName === 'hs_object_id');
        afterIds.push(after!.value);
        const first = Number(after!.value) + 1;
        const count = afterIds.length < 3 ? 200 : 5;
        const results = Array.from({ length: count }, (_, i) =>
          meeting(String(first + i), 'QBR', '2026-12-01T15:00:00Z'),
        );
        // HubSpot's own cursor is an offset: following it would end at 10,000 results.
        const paging = count === 200 ? { paging: { next: { after: '200' } } } : {};
        return [200, { total: 20_000, results, ...paging }];
      })
      .post(LINKS)
      .reply(async (request: Request) => {
        const { inputs } = (await request.json()) as { inputs: { id: string }[] };
        return [200, links(Object.fromEntries(inputs.map((input) => [input.id, ['31000000001']])))];
      });

    const found = await gateway.findQbrMeetings(query);

    expect(afterIds).toEqual(['0', '200', '400']);
    expect(found).toHaveLength(405);
  });

  it('gives a meeting HubSpot finds no company for an empty list', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post(SEARCH)
      .reply(200, { total: 1, results: [meeting('91001', 'QBR prep', '2026-12-01T15:00:00Z')] })
      .post(LINKS)
      .reply(207, {
        status: 'COMPLETE',
        results: [],
        numErrors: 1,
        errors: [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
            message: 'No company is associated with meeting 91001.',
            context: { fromObjectId: ['91001'] },
          },
        ],
      });

    const [found] = await gateway.findQbrMeetings(query);

    expect(found).toMatchObject({ id: '91001', companyIds: [] });
  });

  it('throws AssociationReadError when HubSpot cannot read some meetings’ companies', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post(SEARCH)
      .reply(200, { total: 1, results: [meeting('91001', 'QBR', '2026-12-01T15:00:00Z')] })
      .post(LINKS)
      .reply(207, {
        status: 'COMPLETE',
        results: [],
        errors: [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: 'Could not read the company associations of meeting 91001.',
            context: { fromObjectId: ['91001'] },
          },
        ],
      });

    await expect(gateway.findQbrMeetings(query)).rejects.toBeInstanceOf(AssociationReadError);
  });

  it('checks the title token and start time again, as HubSpot’s tokenizer may differ', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot.post(SEARCH).reply(200, {
      total: 3,
      results: [
        meeting('1', 'QBRs roundup', '2026-12-01T15:00:00Z'),
        meeting('2', 'Q4 QBR', '2027-01-05T15:00:00Z'),
        meeting('3', 'Q4 QBR', ''),
      ],
    });

    expect(await gateway.findQbrMeetings(query)).toEqual([]);
    expect(gateway.apiCalls()).toEqual({ 'meetings.search': 1 });
  });

  it('waits out a 429 on the search budget, then finds the meetings', async () => {
    const { gateway, hubspot, sleeps } = testGateway();
    hubspot
      .post(SEARCH)
      .reply(
        429,
        {
          status: 'error',
          message: 'You have reached your secondly limit.',
          errorType: 'RATE_LIMIT',
          correlationId: 'c0ffee-429',
          policyName: 'SECONDLY',
        },
        {},
      )
      .post(SEARCH)
      .reply(200, { total: 1, results: [meeting('91001', 'QBR', '2026-12-01T15:00:00Z')] })
      .post(LINKS)
      .reply(200, links({ '91001': ['31000000001'] }));

    const found = await gateway.findQbrMeetings(query);

    expect(found.map((m) => m.id)).toEqual(['91001']);
    expect(sleeps.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(1000);
    expect(gateway.apiCalls()).toEqual({ 'meetings.search': 2, 'associations.batchRead': 1 });
  });

  it('refuses a token search would split and instants that are not ISO 8601, before any call', async () => {
    const { gateway } = testGateway();
    await expect(gateway.findQbrMeetings({ ...query, titleToken: 'Q4 QBR' })).rejects.toThrow(
      /Title token "Q4 QBR" is not one word/,
    );
    await expect(gateway.findQbrMeetings({ ...query, from: '2026-11-21' })).rejects.toThrow(
      /from "2026-11-21" is not an ISO 8601 instant/,
    );
    await expect(gateway.findQbrMeetings({ ...query, from: TO, to: FROM })).rejects.toThrow(
      /is after to/,
    );
    expect(gateway.apiCalls()).toEqual({});
  });

  it('gives HubSpot’s 400 as a HubSpotError', async () => {
    const { gateway, hubspot } = testGateway();
    hubspot
      .post(SEARCH)
      .reply(400, hubspotError('VALIDATION_ERROR', 'There was a problem with the request.'));
    await expect(gateway.findQbrMeetings(query)).rejects.toMatchObject({
      name: 'HubSpotError',
      status: 400,
      endpoint: 'meetings.search',
    });
  });
});
