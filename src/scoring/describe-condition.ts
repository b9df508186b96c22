import { comparatorsOf } from './check-model.ts';
import type { Condition } from './model-schema.ts';

const SYMBOL = { atLeast: '≥', above: '>', atMost: '≤', below: '<' } as const;
const OPPOSITE = { atLeast: 'below', above: 'atMost', atMost: 'above', below: 'atLeast' } as const;

/** "≥ 90", "< 1": a band or trigger in the form people read. */
export function describeCondition(condition: Condition): string {
  const [comparator] = comparatorsOf(condition);
  if (comparator === undefined) return 'any other value';
  return `${SYMBOL[comparator]} ${condition[comparator]}`;
}

/** The condition under which a modifier would stop applying. */
export function negateCondition(condition: Condition): Condition {
  const [comparator] = comparatorsOf(condition);
  if (comparator === undefined) return {};
  return { [OPPOSITE[comparator]]: condition[comparator] };
}
