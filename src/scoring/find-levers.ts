import { bestValue } from './best-value.ts';
import type { CompiledModel } from './compile-model.ts';
import { describeCondition, negateCondition } from './describe-condition.ts';
import type { Lever } from './explain-score.ts';
import { hasValue } from './explain-signals.ts';
import { scoreAccount } from './score-account.ts';
import type { AccountSignals } from './score-account.ts';

/** Every signal or modifier whose best value would raise the final score, most points first. */
export function findLevers(model: CompiledModel, account: AccountSignals, score: number): Lever[] {
  const found: Lever[] = [];
  for (const s of model.signals) {
    const value = account.signals[s.key];
    if (!hasValue(value) || s.points(value) >= s.best) continue;
    const best = bestValue(s);
    if (!best) continue;
    const better = scoreAccount(model, {
      ...account,
      signals: { ...account.signals, [s.key]: best.value },
    });
    const gain = (better.score ?? score) - score;
    if (gain > 0)
      found.push({ key: s.key, label: s.label, kind: 'signal', value, target: best.target, gain });
  }
  for (const m of model.modifiers) {
    const value = account.modifiers?.[m.key];
    if (value === undefined || value === null || !m.applies(value)) continue;
    const without = scoreAccount(model, {
      ...account,
      modifiers: { ...account.modifiers, [m.key]: null },
    });
    const gain = (without.score ?? score) - score;
    if (gain > 0) {
      found.push({
        key: m.key,
        label: m.label,
        kind: 'modifier',
        value,
        target: describeCondition(negateCondition(m.def.when)),
        gain,
      });
    }
  }
  return found.sort((a, b) => b.gain - a.gain);
}
