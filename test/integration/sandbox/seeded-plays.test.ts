import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHURN_SIGNAL_PROPERTIES,
  EXPANSION_SIGNAL_PROPERTIES,
} from '../../../src/sandbox/generate-play-facts.ts';
import { PLAY_SEQUENCE_NAMES } from '../../../src/sandbox/seed-portal.ts';
import { listAll, startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';

const SIGNALS = [...CHURN_SIGNAL_PROPERTIES, ...EXPANSION_SIGNAL_PROPERTIES];
const PLAY_PROPERTIES = ['churned_at', 'payment_failed_at', 'payment_failures', ...SIGNALS];
const READ = [
  'customer_status',
  'renewal_date',
  'payment_status',
  'createdate',
  ...PLAY_PROPERTIES,
];
const SEED = { seed: 20_261_116, companies: 300, referenceDate: '2026-11-16' };
const REFERENCE = Date.parse('2026-11-16T12:00:00.000Z');
const DAY = 86_400_000;

interface Company {
  id: string;
  properties: Record<string, string | null>;
}

const daysAgo = (value: string) => (REFERENCE - Date.parse(value)) / DAY;

async function playFacts(options: typeof SEED) {
  const t = await startTestSandbox(options);
  try {
    const companies: Company[] = await listAll(t, 'companies', PLAY_PROPERTIES);
    return companies.map((c) => ({
      id: c.id,
      ...Object.fromEntries(PLAY_PROPERTIES.map((name) => [name, c.properties[name]])),
    }));
  } finally {
    await t.close();
  }
}

describe('the demo portal exercises the plays', () => {
  let t: TestSandbox;
  let companies: Company[];
  beforeAll(async () => {
    t = await startTestSandbox(SEED);
    companies = await listAll(t, 'companies', READ);
  });
  afterAll(() => t.close());

  const withStatus = (status: string) =>
    companies.filter((c) => c.properties.customer_status === status);

  it('defines every new property in the catalog, with its type and group', async () => {
    const expected: Record<string, [string, string]> = {
      churned_at: ['date', 'product_usage'],
      payment_failed_at: ['datetime', 'product_usage'],
      payment_failures: ['number', 'product_usage'],
      ...Object.fromEntries(SIGNALS.map((name) => [name, ['datetime', 'customer_signals']])),
    };
    for (const [name, [type, groupName]] of Object.entries(expected)) {
      const reply = await t.get(`/crm/v3/properties/companies/${name}`);
      expect(reply.status, name).toBe(200);
      expect(reply.body, name).toMatchObject({ name, type, groupName });
    }
    const group = await t.get('/crm/v3/properties/companies/groups/customer_signals');
    expect(group.body).toMatchObject({ name: 'customer_signals', label: 'Customer signals' });
  });

  it('dates every churn: most within the last year, a few over a year ago', () => {
    const churned = withStatus('churned');
    expect(churned.length).toBeGreaterThan(5);
    for (const c of churned) {
      expect(c.properties.churned_at, c.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(daysAgo(c.properties.churned_at!)).toBeGreaterThan(0);
      expect(Date.parse(c.properties.churned_at!)).toBeGreaterThan(
        Date.parse(c.properties.createdate!),
      );
    }
    const old = churned.filter((c) => daysAgo(c.properties.churned_at!) > 365);
    expect(old.length).toBeGreaterThan(0);
    expect(old.length).toBeLessThan(churned.length / 2);
    const live = companies.filter((c) => c.properties.customer_status !== 'churned');
    expect(live.filter((c) => c.properties.churned_at !== null)).toEqual([]);
  });

  it('has active accounts renewing within 90 days', () => {
    const soon = withStatus('active').filter((c) => {
      const days = -daysAgo(`${c.properties.renewal_date}T12:00:00.000Z`);
      return days >= 0 && days <= 90;
    });
    expect(soon.length).toBeGreaterThan(5);
  });

  it('records failed payments on a few accounts, agreeing with payment_status', () => {
    const failing = companies.filter((c) => c.properties.payment_failures !== null);
    expect(failing.length).toBeGreaterThan(3);
    expect(failing.length).toBeLessThan(companies.length / 5);
    for (const c of failing) {
      expect(Date.parse(c.properties.payment_failed_at ?? ''), c.id).not.toBeNaN();
      expect(daysAgo(c.properties.payment_failed_at!)).toBeGreaterThanOrEqual(0);
    }
    const twice = failing.filter((c) => Number(c.properties.payment_failures) >= 2);
    expect(twice.length).toBeGreaterThan(0);
    for (const c of twice) {
      expect(['two_plus_late', 'failed_unresolved']).toContain(c.properties.payment_status);
      expect(daysAgo(c.properties.payment_failed_at!)).toBeLessThanOrEqual(14);
    }
  });

  it('stamps each signal on a few live accounts, mostly within the last 30 days', () => {
    for (const name of SIGNALS) {
      const stamped = companies.filter((c) => c.properties[name] !== null);
      const recent = stamped.filter((c) => daysAgo(c.properties[name]!) <= 30);
      expect(recent.length, name).toBeGreaterThan(0);
      expect(stamped.length, name).toBeLessThan(companies.length / 10);
      for (const c of stamped) {
        expect(c.properties.customer_status, name).not.toBe('churned');
        expect(daysAgo(c.properties[name]!), name).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('seeds the plays’ sequences, owned by a user whose inbox can send them', async () => {
    const sender = t.sandbox.portal.sender!;
    expect(sender).toEqual({ userId: expect.stringMatching(/^\d+$/), email: expect.any(String) });
    const owners = (await t.get('/crm/v3/owners')).body.results;
    expect(owners).toContainEqual(
      expect.objectContaining({ userId: Number(sender.userId), email: sender.email }),
    );
    const reply = await t.get(`/automation/v4/sequences?userId=${sender.userId}&limit=100`);
    const plays = reply.body.results.filter((s: { name: string }) =>
      (PLAY_SEQUENCE_NAMES as readonly string[]).includes(s.name),
    );
    expect(plays.map((s: { name: string }) => s.name)).toEqual([...PLAY_SEQUENCE_NAMES]);
    expect(plays.map((s: { userId: string }) => s.userId)).toEqual(
      PLAY_SEQUENCE_NAMES.map(() => sender.userId),
    );
  });

  it('gives the same facts for the same seed, and others for another seed', async () => {
    const [again, other] = await Promise.all([
      playFacts(SEED),
      playFacts({ ...SEED, seed: SEED.seed + 1 }),
    ]);
    const here = companies.map((c) => ({
      id: c.id,
      ...Object.fromEntries(PLAY_PROPERTIES.map((name) => [name, c.properties[name]])),
    }));
    expect(again).toEqual(here);
    expect(other).not.toEqual(here);
  });
});
