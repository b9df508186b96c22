import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssociationReadError } from '../../../src/hubspot/association-read-error.ts';
import { createGateway } from '../../../src/hubspot/create-gateway.ts';
import { listAll, startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';

const READ = '/crm/v4/associations/companies/contacts/batch/read';
// An id in the company range that no company has: what a deleted company looks like.
const GONE = '31000099999';

interface Company {
  id: string;
  properties: { num_associated_contacts: string };
}

describe('association batch reads page per input, as HubSpot does', () => {
  let t: TestSandbox;
  let big: Company;
  let small: Company;
  beforeAll(async () => {
    // Two ids a page, so every company with three contacts or more pages.
    t = await startTestSandbox({ companies: 25, associationPageSize: 2 });
    const companies: Company[] = await listAll(t, 'companies', ['num_associated_contacts']);
    const count = (c: Company) => Number(c.properties.num_associated_contacts);
    big = companies.filter((c) => count(c) >= 5).sort((a, b) => count(b) - count(a))[0]!;
    small = companies.find((c) => count(c) === 2)!;
  });
  afterAll(() => t.close());

  it('gives each input at most a page of ids and a cursor of its own, followed with { id, after }', async () => {
    const first = await t.post(READ, { inputs: [{ id: big.id }, { id: small.id }] });
    expect(first.status).toBe(200);
    const byId = new Map(first.body.results.map((r: { from: { id: string } }) => [r.from.id, r]));
    const bigPage = byId.get(big.id) as { to: unknown[]; paging: { next: { after: string } } };
    expect(bigPage.to).toHaveLength(2);
    expect(bigPage.paging.next.after).toEqual(expect.any(String));
    // A full last page without more behind it carries no paging at all.
    expect(byId.get(small.id)).not.toHaveProperty('paging');

    const seen = [...bigPage.to];
    let after: string | undefined = bigPage.paging.next.after;
    while (after) {
      const next = await t.post(READ, { inputs: [{ id: big.id, after }] });
      const [result] = next.body.results;
      expect(result.to.length).toBeLessThanOrEqual(2);
      seen.push(...result.to);
      after = result.paging?.next?.after;
    }
    const ids = seen.map((to) => (to as { toObjectId: number }).toObjectId);
    expect(ids).toHaveLength(Number(big.properties.num_associated_contacts));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers an id without associations, or without a record, NO_ASSOCIATIONS_FOUND in a 207', async () => {
    const reply = await t.post(READ, { inputs: [{ id: small.id }, { id: GONE }] });
    expect(reply.status).toBe(207);
    expect(reply.body.results).toHaveLength(1);
    expect(reply.body.errors).toEqual([
      expect.objectContaining({
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        context: expect.objectContaining({ fromObjectId: [GONE] }),
      }),
    ]);
  });

  it('reports an unreadable input and a cursor it never gave as errors of their own', async () => {
    t.sandbox.setFaults({ failingAssociationReads: [small.id] });
    try {
      const reply = await t.post(READ, {
        inputs: [{ id: small.id }, { id: big.id, after: 'not-a-cursor' }],
      });
      expect(reply.status).toBe(207);
      expect(reply.body.results).toEqual([]);
      const [unreadable, cursor] = reply.body.errors;
      expect(unreadable).toMatchObject({ category: 'OBJECT_NOT_FOUND' });
      expect(unreadable).not.toHaveProperty('subCategory');
      expect(unreadable.context.fromObjectId).toEqual([small.id]);
      expect(cursor).toMatchObject({ category: 'VALIDATION_ERROR' });
    } finally {
      t.sandbox.setFaults({ failingAssociationReads: [] });
    }
  });

  it('is read to the end by the gateway, and a failed input is never taken for "no contacts"', async () => {
    const gateway = createGateway({
      accessToken: t.sandbox.token,
      basePath: t.sandbox.url,
      per10s: 190,
    });
    const all = await gateway.readAssociations('companies', 'contacts', [big.id, small.id, GONE]);
    expect(all.get(big.id)).toHaveLength(Number(big.properties.num_associated_contacts));
    expect(all.get(small.id)).toHaveLength(2);
    expect(all.get(GONE)).toEqual([]);

    t.sandbox.setFaults({ failingAssociationReads: [small.id] });
    try {
      const failed = await gateway
        .readAssociationTypes('companies', 'contacts', [big.id, small.id])
        .then(
          () => expect.fail('the read should have failed'),
          (error: unknown) => error,
        );
      expect(failed).toBeInstanceOf(AssociationReadError);
      const error = failed as AssociationReadError;
      expect(error.failures.map((failure) => failure.id)).toEqual([small.id]);
      expect(error.associations.has(small.id)).toBe(false);
      expect(error.associations.get(big.id)).toHaveLength(
        Number(big.properties.num_associated_contacts),
      );
    } finally {
      t.sandbox.setFaults({ failingAssociationReads: [] });
    }
  });
});
