import { greenThenChurned, modelBacktest } from '../backtest/assemble-backtest.ts';
import type { BacktestReport } from '../backtest/backtest-report.ts';
import { ModelReplayer, type ReplayResult } from '../backtest/replay-models.ts';
import type { CompanyFate } from '../backtest/replay-outcome.ts';
import { modelVersion } from '../models/model-version.ts';
import type { CompiledModel } from '../scoring/compile-model.ts';
import type { Store } from '../store/store.ts';

/** A model to replay, and how the report names it. */
export interface BacktestModel {
  model: CompiledModel;
  label: string;
}

export interface BacktestOptions {
  portal: string;
  models: readonly BacktestModel[];
  horizonDays: number;
  /** Months 'YYYY-MM', both included; absent: all the history there is. */
  from?: string;
  to?: string;
  /** Count an MRR drop within the horizon as a loss too. */
  contraction: boolean;
  now: Date;
  /** The bootstrap's seed: the same history and seed give the same report. */
  seed?: number;
  /** Keep the dimension scores of the model at this index (for refitting its weights). */
  dimensionsOf?: number;
}

export interface Backtest {
  report: BacktestReport;
  replay: ReplayResult;
}

type BacktestStore = Pick<Store, 'signalSnapshots' | 'accountFacts' | 'mrrHistory'>;

/**
 * Replays the stored monthly signal snapshots through each model and judges each against what
 * became of the accounts (churn from the facts runs kept, contraction from the MRR history). Reads
 * only the store: no HubSpot call.
 */
export async function runBacktest(
  store: BacktestStore,
  options: BacktestOptions,
): Promise<Backtest> {
  const facts = await store.accountFacts(options.portal);
  const drops = options.contraction ? await mrrDrops(store, options.portal) : new Map();
  const fates = new Map<string, CompanyFate>();
  const names = new Map<string, string | null>();
  for (const f of facts) {
    names.set(f.companyId, f.name);
    fates.set(f.companyId, { churnedAt: f.churnedAt, contractedAt: drops.get(f.companyId) ?? [] });
  }
  const replayer = new ModelReplayer(
    options.models.map((m) => m.model),
    fates,
    { horizonDays: options.horizonDays, contraction: options.contraction, now: options.now },
    options.dimensionsOf ?? null,
  );
  const range = {
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
  };
  for await (const page of store.signalSnapshots(options.portal, range)) replayer.add(page);
  const replay = replayer.result();
  const nameOf = (id: string) => names.get(id) ?? null;
  const months = replay.models[0]?.columns.months ?? [];
  const sorted = [...months].sort();
  const report: BacktestReport = {
    portal: options.portal,
    generatedAt: options.now.toISOString(),
    horizonDays: options.horizonDays,
    from: sorted[0] ?? options.from ?? '',
    to: sorted.at(-1) ?? options.to ?? '',
    outcome: options.contraction ? 'churn-or-contraction' : 'churn',
    models: replay.models.map((r, i) =>
      modelBacktest(
        r,
        { label: options.models[i]!.label, version: modelVersion(r.model.model) },
        options.seed ?? 1,
      ),
    ),
    greenThenChurned: replay.models.map((r) => ({
      model: r.model.model.name,
      accounts: greenThenChurned(r, nameOf),
    })),
  };
  return { report, replay };
}

/** When each company's MRR fell, from the history runs kept. */
async function mrrDrops(store: BacktestStore, portal: string): Promise<Map<string, string[]>> {
  const history = await store.mrrHistory(portal);
  const drops = new Map<string, string[]>();
  for (const [companyId, readings] of history) {
    const fell: string[] = [];
    for (let i = 1; i < readings.length; i++)
      if (readings[i]!.mrr < readings[i - 1]!.mrr && readings[i]!.mrr > 0)
        fell.push(readings[i]!.at);
    if (fell.length > 0) drops.set(companyId, fell);
  }
  return drops;
}
