import type { Model } from '../scoring/model-schema.ts';

/** What a mapped value must be to feed one signal or modifier of the model. */
export interface SignalTarget {
  key: string;
  kind: 'signal' | 'modifier';
  type: 'number' | 'enum';
  /** Enum signals: the values it takes. */
  values: readonly string[];
  /** Number signals: words accepted in place of a number (e.g. "none"). */
  words: readonly string[];
  integer: boolean;
  min?: number | undefined;
  max?: number | undefined;
}

/** Every signal and modifier of the model, by key. */
export function signalTargets(model: Model): Map<string, SignalTarget> {
  const targets = new Map<string, SignalTarget>();
  for (const signal of model.dimensions.flatMap((d) => d.signals)) {
    if (signal.type === 'enum') {
      targets.set(signal.key, {
        key: signal.key,
        kind: 'signal',
        type: 'enum',
        values: Object.keys(signal.values),
        words: [],
        integer: false,
      });
    } else {
      const { key, integer, min, max } = signal;
      const words = Object.keys(signal.words ?? {});
      targets.set(key, {
        key,
        kind: 'signal',
        type: 'number',
        values: [],
        words,
        integer,
        min,
        max,
      });
    }
  }
  for (const { key, integer, min, max } of model.modifiers) {
    targets.set(key, {
      key,
      kind: 'modifier',
      type: 'number',
      values: [],
      words: [],
      integer,
      min,
      max,
    });
  }
  return targets;
}
