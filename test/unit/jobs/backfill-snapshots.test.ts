import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/resolve-config.ts';
import type { CompanyWithHistory } from '../../../src/hubspot/read-company-history.ts';
import { backfillSnapshots } from '../../../src/jobs/backfill-snapshots.ts';
import type { AccountFactsRecord, SignalSnapshot } from '../../../src/store/store.ts';

const NOW = new Date('2026-12-07T10:00:00.000Z');
const config = resolveConfig({}, { env: {}, cwd: '/tmp', file: null });

async function rebuild(
  records: CompanyWithHistory[],
  facts: Partial<AccountFactsRecord>[],
  first: string | null = '2026-12',
) {
  const written: SignalSnapshot[] = [];
  const calls: string[][] = [];
  const summary = await backfillSnapshots(
    {
      readCompanyHistory: async (ids) => {
        calls.push([...ids]);
        return records.filter((r) => ids.includes(r.id));
      },
    },
    {
      accountFacts: async () => facts as AccountFactsRecord[],
      snapshotMonths: async () => ({ first, last: first, companies: 0, rows: 0 }),
      putSignalSnapshots: async (rows) => void written.push(...rows),
    },
    { portal: 'p', config, months: 3, now: NOW },
  );
  return { summary, written, calls };
}

const usage = (versions: [string, string][]) =>
  versions.map(([value, timestamp]) => ({ value, timestamp }));

describe('backfillSnapshots', () => {
  it('rebuilds the months before the first kept one, each as the record stood on the 15th', async () => {
    const { summary, written } = await rebuild(
      [
        {
          id: '1',
          properties: { product_usage_depth: 'advanced' },
          createdAt: '2024-01-01T00:00:00.000Z',
          propertiesWithHistory: {
            product_usage_depth: usage([
              ['advanced', '2026-11-01T06:00:00Z'],
              ['basic', '2026-09-01T06:00:00Z'],
            ]),
          },
        },
      ],
      [{ companyId: '1', churnedAt: null }],
    );
    expect(summary.asked).toEqual({ from: '2026-09', to: '2026-11' });
    expect(written.map((w) => [w.month, w.takenAt, w.signals.usage_depth])).toEqual([
      ['2026-09', '2026-09-15T06:00:00.000Z', 'basic'],
      ['2026-10', '2026-10-15T06:00:00.000Z', 'basic'],
      ['2026-11', '2026-11-15T06:00:00.000Z', 'advanced'],
    ]);
    // Contact signals are missing, not "no champion".
    expect(written[0]!.signals.champion_status).toBeNull();
    expect(written[0]!.signals.stakeholder_count).toBeNull();
  });

  it("never reads today's value into the past: a property HubSpot gave no history for is missing", async () => {
    const { written } = await rebuild(
      [
        {
          id: '1',
          properties: { product_usage_depth: 'advanced', checkin_attendance: 'always' },
          createdAt: '2024-01-01T00:00:00.000Z',
          propertiesWithHistory: {
            product_usage_depth: usage([['basic', '2026-08-01T06:00:00Z']]),
          },
        },
        // No history at all: skipped rather than given today's record for every month.
        {
          id: '2',
          properties: { product_usage_depth: 'advanced' },
          createdAt: '2024-01-01T00:00:00.000Z',
        },
      ],
      [
        { companyId: '1', churnedAt: null },
        { companyId: '2', churnedAt: null },
      ],
    );
    expect(written.every((w) => w.companyId === '1')).toBe(true);
    expect(written.every((w) => w.signals.checkin_attendance === null)).toBe(true);
  });

  it('leaves out months before the record existed and from its churn on, and reads 50 a call', async () => {
    const records = Array.from({ length: 120 }, (_, i) => ({
      id: String(i + 1),
      properties: {},
      createdAt: i === 0 ? '2026-10-20T00:00:00.000Z' : '2024-01-01T00:00:00.000Z',
      propertiesWithHistory: {
        product_usage_depth: usage([['basic', '2026-01-01T06:00:00Z']]),
      },
    }));
    const facts = records.map((r) => ({
      companyId: r.id,
      churnedAt: r.id === '2' ? '2026-10-15T06:00:00.000Z' : null,
    }));
    const { written, calls, summary } = await rebuild(records, facts);
    expect(calls.map((c) => c.length)).toEqual([50, 50, 20]);
    expect(summary.apiCalls).toBe(3);
    expect(written.filter((w) => w.companyId === '1').map((w) => w.month)).toEqual(['2026-11']);
    expect(written.filter((w) => w.companyId === '2').map((w) => w.month)).toEqual(['2026-09']);
  });

  it('with no snapshot kept yet, rebuilds up to the month before this one', async () => {
    const { summary } = await rebuild([], [{ companyId: '1', churnedAt: null }], null);
    expect(summary.asked).toEqual({ from: '2026-09', to: '2026-11' });
  });
});
