import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/resolve-config.ts';
import { backfillSnapshots } from '../../../src/jobs/backfill-snapshots.ts';
import type { DemoRecord } from '../../../src/sandbox/demo-record.ts';
import { seededRandom } from '../../../src/sandbox/seeded-random.ts';
import { createUsageHistory } from '../../../src/sandbox/usage-history.ts';
import type { SignalSnapshot } from '../../../src/store/store.ts';

const REFERENCE = Date.parse('2026-11-16T12:00:00.000Z');
const NOW = new Date('2026-12-07T10:00:00.000Z');
const config = resolveConfig({}, { env: {}, cwd: '/tmp', file: null });

function company(id: number, status: 'active' | 'churned', churnedAt?: string): DemoRecord {
  return {
    id,
    createdAt: '2023-02-10T09:00:00.000Z',
    updatedAt: '2026-11-10T09:00:00.000Z',
    properties: {
      name: `Co ${id}`,
      customer_status: status,
      mrr: status === 'active' ? '1200' : '0',
      hs_v2_date_entered_customer: '2023-02-24T09:00:00.000Z',
      notes_last_contacted: '2026-11-02T10:00:00.000Z',
      product_login_pct_of_baseline: '80',
      product_core_features_adopted: '6',
      product_usage_depth: 'intermediate',
      avg_reply_time_days: '1.5',
      checkin_attendance: 'usually',
      payment_status: 'on_time',
      last_sentiment: 'neutral',
      ...(churnedAt ? { churned_at: churnedAt } : {}),
    },
  };
}

/** What Vitals rebuilds for the company from the history the sandbox wrote for it. */
async function rebuilt(
  record: DemoRecord,
  rows: ReturnType<ReturnType<typeof createUsageHistory>>,
) {
  const history: Record<string, { value: string; timestamp: string }[]> = {};
  for (const row of rows) (history[row.name] ??= []).unshift(row);
  const written: SignalSnapshot[] = [];
  await backfillSnapshots(
    {
      readCompanyHistory: async (_ids, properties) => [
        {
          id: String(record.id),
          properties: record.properties,
          createdAt: record.createdAt,
          // As the sandbox answers: a property never written since it was set has one version.
          propertiesWithHistory: Object.fromEntries(
            properties.map((name) => [
              name,
              history[name] ??
                (record.properties[name] === undefined
                  ? []
                  : [{ value: record.properties[name]!, timestamp: record.createdAt }]),
            ]),
          ),
        },
      ],
    },
    {
      accountFacts: async () => [
        {
          companyId: String(record.id),
          churnedAt: record.properties.churned_at
            ? new Date(`${record.properties.churned_at}T00:00:00.000Z`).toISOString()
            : null,
        } as never,
      ],
      snapshotMonths: async () => ({ first: '2026-12', last: '2026-12', companies: 0, rows: 0 }),
      putSignalSnapshots: async (snapshots) => void written.push(...snapshots),
    },
    { portal: 'p', config, months: 48, now: NOW },
  );
  return new Map(written.map((w) => [w.month, w.signals]));
}

describe('the sandbox churn truth and the rebuild read the same months', () => {
  it.each([
    ['a customer', company(31, 'active')],
    ['an account that churned after the 15th', company(32, 'churned', '2026-05-20')],
    ['an account that churned before the 15th', company(33, 'churned', '2025-09-03')],
  ])(
    'for %s, every month the generating model scored is rebuilt with the same signals',
    async (_, record) => {
      const historyOf = createUsageHistory(seededRandom(7), { referenceMs: REFERENCE, months: 24 });
      const rows = historyOf(record, record.properties.customer_status === 'active' ? 0.6 : 0.25);
      const scored = historyOf.lastScored();
      expect(historyOf.unmatched()).toBe(0);
      expect(scored.length).toBeGreaterThan(5);
      const months = await rebuilt(record, rows);
      for (const { month, signals } of scored) expect(months.get(month), month).toEqual(signals);
      // A churned account is read up to its last reading before the churn, and no further.
      const churnedAt = record.properties.churned_at;
      if (churnedAt) {
        const last = [...months.keys()].sort().at(-1)!;
        expect(last).toBe(scored.at(-1)!.month);
        expect(`${last}-15` < churnedAt).toBe(true);
      }
    },
  );
});
