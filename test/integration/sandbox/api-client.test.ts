import { Client } from '@hubspot/api-client';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';

// The gateway talks to HubSpot through the official client, so the sandbox's answers must
// deserialize there exactly as HubSpot's do.
describe('sandbox through @hubspot/api-client', () => {
  let t: TestSandbox;
  let client: Client;
  beforeAll(async () => {
    t = await startTestSandbox({ companies: 12 });
    client = new Client({ accessToken: t.sandbox.token, basePath: t.sandbox.url });
  });
  afterAll(() => t.close());

  it('pages companies and reads them back in a batch', async () => {
    const page = await client.crm.companies.basicApi.getPage(5, undefined, [
      'mrr',
      'customer_status',
    ]);
    expect(page.results).toHaveLength(5);
    expect(page.results[0]!.createdAt).toBeInstanceOf(Date);
    expect(page.paging?.next?.after).toBeDefined();
    const batch = await client.crm.companies.batchApi.read({
      inputs: page.results.map(({ id }) => ({ id })),
      properties: ['mrr'],
      propertiesWithHistory: [],
    });
    expect(batch.results.map((company) => company.id).sort()).toEqual(
      page.results.map((c) => c.id).sort(),
    );
  });

  it('reads v4 associations and creates a task associated to a company', async () => {
    const [company] = (await client.crm.companies.basicApi.getPage(1)).results;
    const links = await client.crm.associations.v4.batchApi.getPage('companies', 'contacts', {
      inputs: [{ id: company!.id }],
    });
    expect(links.results[0]!.to.length).toBeGreaterThan(0);
    const task = await client.crm.objects.tasks.basicApi.create({
      properties: { hs_timestamp: '2026-12-01T09:00:00.000Z', hs_task_subject: 'Check in' },
      associations: [
        {
          to: { id: company!.id },
          types: [
            {
              associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined,
              associationTypeId: 192,
            },
          ],
        },
      ],
    });
    expect(task.properties.hs_task_subject).toBe('Check in');
  });

  it('surfaces a HubSpot error body on a 400', async () => {
    const failure = client.crm.objects.tasks.basicApi.create({
      properties: { hs_task_subject: 'no due date' },
      associations: [],
    });
    await expect(failure).rejects.toMatchObject({
      code: 400,
      body: { category: 'VALIDATION_ERROR' },
    });
  });

  it('serves sequences and token info through apiRequest', async () => {
    const info = await client.apiRequest({
      method: 'POST',
      path: '/oauth/v2/private-apps/get/access-token-info',
      body: { tokenKey: t.sandbox.token },
    });
    const { userId } = (await info.json()) as { userId: number };
    const sequences = await client.apiRequest({
      method: 'GET',
      path: '/automation/v4/sequences',
      qs: { userId },
    });
    expect(((await sequences.json()) as { total: number }).total).toBe(8);
  });
});
