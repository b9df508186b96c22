import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { resetSandbox, seedSandbox, startSandbox } from '../../../src/sandbox/start-sandbox.ts';
import { listAll, startTestSandbox, tempDataDir, type TestSandbox } from './sandbox-fixture.ts';

const PROPS = [
  'name',
  'domain',
  'mrr',
  'customer_status',
  'renewal_date',
  'product_login_pct_of_baseline',
];

async function portalSnapshot(options: {
  seed: number;
  companies: number;
  referenceDate?: string;
}) {
  const t = await startTestSandbox(options);
  try {
    return {
      companies: await listAll(t, 'companies', PROPS),
      contacts: await listAll(t, 'contacts', ['email', 'hs_buying_role']),
    };
  } finally {
    await t.close();
  }
}

describe('sandbox persistence and seeding', () => {
  const open: TestSandbox[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.close()));
  });

  it('keeps what the app wrote across a restart, exactly', async () => {
    const first = await startTestSandbox({ companies: 4 });
    const [company] = await listAll(first, 'companies');
    await first.post('/crm/v3/properties/companies/groups', {
      name: 'customer_health',
      label: 'Customer health',
    });
    await first.post('/crm/v3/properties/companies', {
      name: 'health_score',
      label: 'Health score',
      type: 'number',
      fieldType: 'number',
      groupName: 'customer_health',
    });
    await first.post('/crm/v3/objects/companies/batch/update', {
      inputs: [{ id: company.id, properties: { health_score: '42' } }],
    });
    const task = await first.post('/crm/v3/objects/tasks', {
      properties: { hs_timestamp: '2026-12-01T00:00:00Z', hs_task_subject: 'kept' },
    });
    const before = await listAll(first, 'companies', ['health_score', 'mrr']);
    await first.close(true);

    const again = await startTestSandbox({ dataDir: first.dataDir });
    open.push(again);
    expect(await listAll(again, 'companies', ['health_score', 'mrr'])).toEqual(before);
    expect((await again.get('/crm/v3/properties/companies/health_score')).status).toBe(200);
    const tasks = await listAll(again, 'tasks', ['hs_task_subject']);
    expect(tasks.map((t) => t.id)).toEqual([task.body.id]);
  });

  it('re-seeds a fresh portal after resetSandbox', async () => {
    const first = await startTestSandbox({ companies: 3 });
    const [company] = await listAll(first, 'companies', ['mrr']);
    await first.post('/crm/v3/objects/companies/batch/update', {
      inputs: [{ id: company.id, properties: { mrr: '1' } }],
    });
    await first.close(true);
    resetSandbox(first.dataDir);
    const fresh = await startTestSandbox({ dataDir: first.dataDir, companies: 3 });
    open.push(fresh);
    const [reseeded] = await listAll(fresh, 'companies', ['mrr']);
    expect(reseeded.id).toBe(company.id);
    expect(reseeded.properties.mrr).toBe(company.properties.mrr);
  });

  it('gives the same portal for the same seed and a different one for another seed', async () => {
    const a = await portalSnapshot({ seed: 11, companies: 15 });
    const b = await portalSnapshot({ seed: 11, companies: 15 });
    const c = await portalSnapshot({ seed: 12, companies: 15 });
    expect(b).toEqual(a);
    expect(c.companies.map((x) => x.properties)).not.toEqual(a.companies.map((x) => x.properties));
  });

  it('refuses to reopen a portal with a different seed instead of silently ignoring it', async () => {
    const dataDir = tempDataDir();
    try {
      expect(seedSandbox({ dataDir, seed: 1, companies: 2 })).toMatchObject({
        seed: 1,
        companies: 2,
      });
      await expect(startSandbox({ dataDir, seed: 2 })).rejects.toThrow(
        /seeded with seed 1.*resetSandbox/,
      );
      const sandbox = await startSandbox({ dataDir, seed: 1 });
      expect(sandbox.portal.companies).toBe(2);
      await sandbox.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('seeds the contract stories: renewals within 90 days, churn, a champion who left, trials', async () => {
    const t = await startTestSandbox({ companies: 4, referenceDate: '2026-03-01' });
    open.push(t);
    const companies = await listAll(t, 'companies', ['customer_status', 'renewal_date']);
    expect(companies.map((c) => c.properties.customer_status)).toEqual([
      'active',
      'churned',
      'active',
      'trial',
    ]);
    const renewal = Date.parse(companies[0].properties.renewal_date) - Date.parse('2026-03-01');
    expect(renewal).toBeGreaterThan(0);
    expect(renewal).toBeLessThan(90 * 86_400_000);
    const links = await t.post('/crm/v4/associations/companies/contacts/batch/read', {
      inputs: [{ id: companies[2].id }],
    });
    const ids = links.body.results[0].to.map((to: { toObjectId: number }) => ({
      id: String(to.toObjectId),
    }));
    const people = await t.post('/crm/v3/objects/contacts/batch/read', {
      inputs: ids,
      properties: ['hs_buying_role', 'left_company'],
    });
    const champions = people.body.results.filter((p: { properties: Record<string, string> }) =>
      p.properties.hs_buying_role?.includes('CHAMPION'),
    );
    expect(
      champions.map((p: { properties: Record<string, string> }) => p.properties.left_company),
    ).toEqual(['true']);
  });
});
