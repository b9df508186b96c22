import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelBacktest } from '../../src/backtest/assemble-backtest.ts';
import { ModelReplayer, type Reading } from '../../src/backtest/replay-models.ts';
import type { CompanyFate } from '../../src/backtest/replay-outcome.ts';
import { resolveConfig } from '../../src/config/resolve-config.ts';
import { backfillSnapshots } from '../../src/jobs/backfill-snapshots.ts';
import { objectStore, type ObjectRow } from '../../src/sandbox/object-store.ts';
import { openPortalDatabase } from '../../src/sandbox/portal-database.ts';
import { seedSandbox } from '../../src/sandbox/start-sandbox.ts';
import { compileModel } from '../../src/scoring/compile-model.ts';
import type { AccountFactsRecord } from '../../src/store/store.ts';

/** The rebuilt months of one or more sandbox portals, and what became of each company. */
export interface PortalReadings {
  readings: Reading[];
  fates: Map<string, CompanyFate>;
}

const props = (row: ObjectRow) => JSON.parse(row.properties) as Record<string, string>;

/**
 * A freshly seeded sandbox portal's history, rebuilt by the code behind `--rebuild-history`
 * (backfillSnapshots, 24 months to `now`) but fed from the portal's own records: no HTTP and no
 * run, which for thousands of companies would take minutes at HubSpot's rate limit. Company ids
 * carry the seed, so several portals can be pooled into one book.
 */
export async function sandboxReadings(
  companies: number,
  seed: number,
  now: Date,
): Promise<PortalReadings> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitals-sandbox-readings-'));
  seedSandbox({ dataDir, companies, seed });
  const db = openPortalDatabase(dataDir);
  try {
    const objects = objectStore(db);
    const rows = objects.page('companies', 0, companies);
    const byId = new Map(rows.map((row) => [String(row.id), row]));
    const facts: AccountFactsRecord[] = [];
    const fates = new Map<string, CompanyFate>();
    for (const row of rows) {
      const p = props(row);
      const churnedAt =
        p.customer_status === 'churned' && p.churned_at
          ? new Date(`${p.churned_at}T00:00:00.000Z`).toISOString()
          : null;
      fates.set(`${seed}:${row.id}`, { churnedAt, contractedAt: [] });
      facts.push({ companyId: String(row.id), churnedAt } as AccountFactsRecord);
    }
    const readings: Reading[] = [];
    const config = resolveConfig({}, { env: {}, cwd: dataDir, file: null });
    await backfillSnapshots(
      {
        readCompanyHistory: async (ids, properties) =>
          ids.map((id) => {
            const row = byId.get(id)!;
            const current = props(row);
            return {
              id,
              properties: current,
              createdAt: row.created_at,
              propertiesWithHistory: Object.fromEntries(
                properties.map((name) => [name, objects.history(row, name, current[name] ?? null)]),
              ),
            };
          }),
      },
      {
        accountFacts: async () => facts,
        snapshotMonths: async () => ({ first: null, last: null, companies: 0, rows: 0 }),
        putSignalSnapshots: async (rows) => {
          for (const r of rows)
            readings.push({
              companyId: `${seed}:${r.companyId}`,
              month: r.month,
              takenAt: r.takenAt,
              segment: r.segment as Reading['segment'],
              signals: r.signals,
              modifiers: r.modifiers,
            });
        },
      },
      { portal: 'sandbox', config, months: 24, now },
    );
    return { readings, fates };
  } finally {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The default model's AUC over the pooled readings, with its 95 % interval. */
export function defaultModelAuc(
  now: Date,
  ...portals: PortalReadings[]
): { value: number; low: number; high: number } {
  const config = resolveConfig({}, { env: {}, cwd: tmpdir(), file: null });
  const fates = new Map(portals.flatMap((p) => [...p.fates]));
  const replayer = new ModelReplayer([compileModel(config.model)], fates, {
    horizonDays: 90,
    contraction: false,
    now,
  });
  for (const p of portals) replayer.add(p.readings);
  const replay = replayer.result().models[0]!;
  const auc = modelBacktest(replay, { label: 'default', version: '1' }, 7).metrics.auc!;
  return { value: auc.value!, low: auc.low!, high: auc.high! };
}
