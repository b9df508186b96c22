import fc from 'fast-check';
import type {
  CompiledModel,
  CompiledSignal,
  SignalValue,
} from '../../src/scoring/compile-model.ts';
import { SEGMENTS } from '../../src/scoring/model-schema.ts';
import type { AccountSignals } from '../../src/scoring/score-account.ts';

/** Any value the model accepts for this signal. */
export function signalValue(signal: CompiledSignal): fc.Arbitrary<SignalValue> {
  const def = signal.def;
  if (def.type === 'enum') return fc.constantFrom(...Object.keys(def.values));
  const min = def.min ?? -1000;
  const max = def.max ?? min + 400;
  const numbers = def.integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.oneof(
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
        // Band edges, where off-by-one mistakes live.
        fc.constantFrom(
          ...def.bands
            .flatMap((b) => [b.atLeast, b.above, b.atMost, b.below])
            .filter((v): v is number => v !== undefined && v >= min && v <= max),
        ),
      );
  const words = Object.keys(def.words ?? {});
  return words.length > 0 ? fc.oneof(numbers, fc.constantFrom(...words)) : numbers;
}

/** An account with each signal present, null or absent, any modifiers and any segment. */
export function account(model: CompiledModel): fc.Arbitrary<AccountSignals> {
  const signals = fc.record(
    Object.fromEntries(
      model.signals.map((s) => [s.key, fc.option(signalValue(s), { nil: null, freq: 3 })]),
    ),
    { requiredKeys: [] },
  );
  const modifiers = fc.record(
    Object.fromEntries(
      model.modifiers.map((m) => {
        const min = m.def.min ?? 0;
        const max = m.def.max ?? 60;
        const value = m.def.integer
          ? fc.integer({ min, max })
          : fc.double({ min, max, noNaN: true });
        return [m.key, fc.option(value, { nil: null })];
      }),
    ),
    { requiredKeys: [] },
  );
  const segment = fc.option(fc.constantFrom(...SEGMENTS), { nil: undefined });
  return fc.record({ signals, modifiers, segment });
}
