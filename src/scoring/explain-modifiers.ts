import type { CompiledModel, Plan } from './compile-model.ts';
import type { ModifierDetail } from './explain-score.ts';
import { modifierEffects } from './score-account.ts';
import type { AccountSignals } from './score-account.ts';

/** The modifiers that applied, each with the score points it took away. */
export function explainModifiers(
  model: CompiledModel,
  plan: Plan,
  account: AccountSignals,
  raw: number,
): ModifierDetail[] {
  const { cap } = modifierEffects(model, plan, account.modifiers);
  let remaining = raw;
  let capApplied = false;
  const details: ModifierDetail[] = [];
  // Penalties first, then the lowest cap, in the order the final score applies them.
  const order = model.modifiers.map((m, i) => ({ m, i, effect: plan.effects[i]! }));
  order.sort((a, b) =>
    a.effect.kind === b.effect.kind ? 0 : a.effect.kind === 'penalty' ? -1 : 1,
  );
  for (const { m, effect } of order) {
    const value = account.modifiers?.[m.key];
    if (value === undefined || value === null || !m.applies(value)) continue;
    let impact = 0;
    if (effect.kind === 'penalty') {
      impact = -Math.min(effect.amount, remaining);
      remaining += impact;
    } else if (!capApplied && effect.amount === cap && remaining > cap) {
      impact = cap - remaining;
      remaining = cap;
      capApplied = true;
    }
    details.push({
      key: m.key,
      label: m.label,
      value,
      effect: effect.kind,
      amount: effect.amount,
      impact,
    });
  }
  return details;
}
