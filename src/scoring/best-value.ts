import { comparatorsOf } from './check-model.ts';
import type { CompiledSignal, SignalValue } from './compile-model.ts';
import { describeCondition } from './describe-condition.ts';

/** A value that earns the signal's best points, and how to say it; null when none can be named. */
export function bestValue(signal: CompiledSignal): { value: SignalValue; target: string } | null {
  const def = signal.def;
  if (def.type === 'enum') {
    const key = Object.keys(def.values).find((k) => def.values[k] === signal.best);
    return key === undefined ? null : { value: key, target: key };
  }
  const band = def.bands.find((b) => b.points === signal.best);
  if (band) {
    const value = representative(band, def.integer);
    if (value !== null && signal.points(value) === signal.best) {
      return { value, target: describeCondition(band) };
    }
  }
  const word = Object.keys(def.words ?? {}).find((w) => def.words?.[w] === signal.best);
  return word === undefined ? null : { value: word, target: word };
}

function representative(
  band: Parameters<typeof comparatorsOf>[0],
  integer: boolean,
): number | null {
  const [comparator] = comparatorsOf(band);
  const step = integer ? 1 : 1e-9;
  switch (comparator) {
    case 'atLeast':
      return band.atLeast!;
    case 'atMost':
      return band.atMost!;
    case 'above':
      return band.above! + step;
    case 'below':
      return band.below! - step;
    default:
      return null;
  }
}
