import type { SignalValue } from '../scoring/compile-model.ts';
import type { SignalTarget } from './signal-targets.ts';

/** Why the value cannot feed the target, or null when it can. */
export function checkValue(target: SignalTarget, value: SignalValue): string | null {
  const ok =
    target.type === 'enum'
      ? typeof value === 'string' && target.values.includes(value)
      : typeof value === 'string'
        ? target.words.includes(value)
        : Number.isFinite(value) &&
          (!target.integer || Number.isInteger(value)) &&
          (target.min === undefined || value >= target.min) &&
          (target.max === undefined || value <= target.max);
  return ok ? null : `${target.key} takes ${describeAllowed(target)}`;
}

/** "one of advanced, intermediate, basic", "a whole number from 0 to 10", ... */
export function describeAllowed(target: SignalTarget): string {
  if (target.type === 'enum') return `one of ${target.values.join(', ')}`;
  const kind = target.integer ? 'a whole number' : 'a number';
  const { min, max } = target;
  const range =
    min !== undefined && max !== undefined
      ? `${kind} from ${min} to ${max}`
      : min !== undefined
        ? `${kind} of ${min} or more`
        : max !== undefined
          ? `${kind} of ${max} or less`
          : kind;
  return range + target.words.map((w) => ` or "${w}"`).join('');
}
