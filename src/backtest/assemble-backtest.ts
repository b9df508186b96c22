import type { CompiledModel } from '../scoring/compile-model.ts';
import { explainAccount } from '../scoring/explain-score.ts';
import { backtestMetrics } from './backtest-metrics.ts';
import type { GreenThenChurnedAccount, ModelBacktest } from './backtest-report.ts';
import { SCORE_CODES, scoreCode } from './metric-auc.ts';
import type { ObservationColumns } from './metric-observations.ts';
import { rocFromHistogram } from './metric-roc.ts';
import type { ModelReplay } from './replay-models.ts';

/** The tiers whose accounts count as flagged: the worse half, e.g. at risk and critical of four. */
export function alarmTiers(model: CompiledModel): string[] {
  const tiers = model.model.tiers.map((t) => t.key);
  return tiers.slice(Math.ceil(tiers.length / 2));
}

/** One model's figures from its replay. */
export function modelBacktest(
  replay: ModelReplay,
  who: { label: string; version: string },
  seed: number,
): ModelBacktest {
  const model = replay.model;
  return {
    name: model.model.name,
    version: who.version,
    label: who.label,
    metrics: backtestMetrics(replay.columns, {
      tiers: model.model.tiers.map((t) => t.key),
      alarmTiers: alarmTiers(model),
      seed,
    }),
    roc: rocFromHistogram(scoreHistogram(replay.columns)),
  };
}

/** The accounts the model called healthy before they churned, most recent first, with why. */
export function greenThenChurned(
  replay: ModelReplay,
  nameOf: (companyId: string) => string | null,
  limit = 50,
): GreenThenChurnedAccount[] {
  return [...replay.greenThenChurned]
    .sort((a, b) => b.month.localeCompare(a.month) || a.companyId.localeCompare(b.companyId))
    .slice(0, limit)
    .map((g) => {
      const explanation = explainAccount(replay.model, g.account);
      return {
        companyId: g.companyId,
        name: nameOf(g.companyId),
        month: g.month,
        score: g.score,
        tier: g.tier,
        drivers:
          explanation.drivers.length === 0
            ? ['nothing cost it points']
            : explanation.drivers.map(
                (d) => `${d.label}: ${String(d.value)} (−${Math.round(-d.impact)})`,
              ),
      };
    });
}

function scoreHistogram(columns: ObservationColumns): Uint32Array {
  const histogram = new Uint32Array(SCORE_CODES);
  for (let i = 0; i < columns.score.length; i++) {
    const score = columns.score[i]!;
    if (score >= 0) histogram[scoreCode(score, columns.churned[i] === 1)]! += 1;
  }
  return histogram;
}
