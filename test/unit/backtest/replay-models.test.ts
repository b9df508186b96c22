import { describe, expect, it } from 'vitest';
import { modelBacktest } from '../../../src/backtest/assemble-backtest.ts';
import { ModelReplayer } from '../../../src/backtest/replay-models.ts';
import { loadModel } from '../../../src/models/load-model.ts';
import { churnHistory } from '../../../src/sandbox/churn-history.ts';
import { compileModel, type CompiledModel } from '../../../src/scoring/compile-model.ts';
import { shuffledModel } from '../../support/models.ts';

const truth = compileModel(loadModel('retention-os'));
const RULE = { horizonDays: 90, contraction: false, now: new Date('2026-12-07T00:00:00Z') };

function backtest(accounts: number, seed: number, models: CompiledModel[]) {
  const history = churnHistory(truth, { seed, accounts, months: 24, lastMonth: '2026-11' });
  const replayer = new ModelReplayer(models, history.fates, RULE);
  replayer.add(history.readings);
  const replay = replayer.result();
  return replay.models.map((m) => modelBacktest(m, { label: m.model.model.name, version: '1' }, 7));
}

describe('a backtest over a churn history that truly depends on the signals', () => {
  it('ranks the generating model above a shuffled one', () => {
    const [generating, noise] = backtest(1_500, 11, [
      truth,
      compileModel(shuffledModel(loadModel('retention-os'), 3)),
    ]);
    const a = generating!.metrics.auc!;
    const b = noise!.metrics.auc!;
    expect(a.value!).toBeGreaterThan(b.value!);
    // Not only on the point estimates: the intervals do not overlap.
    expect(a.low!).toBeGreaterThan(b.high!);
    expect(b.low!).toBeLessThan(0.6);
  });

  it("finds the generating model's true AUC inside its interval, as often as a 95 % interval should", () => {
    // The truth: the same process drawn 10 times larger, where the interval is about ±0.01.
    const [large] = backtest(15_000, 99, [truth]);
    const known = large!.metrics.auc!;
    expect(known.high! - known.low!).toBeLessThan(0.03);
    expect(known.value!).toBeGreaterThan(0.6);
    // Ten portals the size of the sandbox's: each interval should hold the truth, bar the odd one.
    const samples = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map(
      (seed) => backtest(1_500, seed, [truth])[0]!.metrics.auc!,
    );
    const covered = samples.filter((a) => a.low! <= known.value! && known.value! <= a.high!);
    expect(covered.length).toBeGreaterThanOrEqual(8);
  });

  it('leaves out readings whose horizon is still open or that came after the churn', () => {
    const history = churnHistory(truth, {
      seed: 5,
      accounts: 200,
      months: 24,
      lastMonth: '2026-11',
    });
    const replayer = new ModelReplayer([truth], history.fates, RULE);
    replayer.add(history.readings);
    const replay = replayer.result();
    // The last three months' readings of accounts still here cannot be judged yet.
    expect(replay.withoutOutcome).toBeGreaterThan(0);
    const columns = replay.models[0]!.columns;
    expect(columns.churned.length + replay.withoutOutcome).toBe(history.readings.length);
    // A November reading counts only when the account has churned since: the rest are unknown.
    const november = [...columns.month.keys()].filter(
      (i) => columns.months[columns.month[i]!] === '2026-11',
    );
    expect(november.length).toBeGreaterThan(0);
    for (const i of november) expect(columns.churned[i]).toBe(1);
  });
});
