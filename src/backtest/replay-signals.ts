import type { CompiledModel, SignalValue } from '../scoring/compile-model.ts';
import { SEGMENTS, type Segment, type SignalDef } from '../scoring/model-schema.ts';
import type { AccountSignals } from '../scoring/score-account.ts';

/** What a run read of one company, as kept for replay. */
export interface StoredSignals {
  segment: string | null;
  signals: Readonly<Record<string, number | string | null>>;
  modifiers: Readonly<Record<string, number | null>>;
}

type Accepts = (value: unknown) => boolean;

/**
 * Snapshots as a model can score them. A snapshot was read for the model of its day; another
 * model may not know a signal, or may band it in other words, so a value this model would
 * refuse counts as no data instead of being scored wrong.
 */
export function signalsFor(model: CompiledModel): (stored: StoredSignals) => AccountSignals {
  const signals = model.signals.map((s) => [s.key, accepts(s.def)] as const);
  const modifiers = model.modifiers.map((m) => [m.key, acceptsNumber(m.def)] as const);
  return (stored) => {
    const values: Record<string, SignalValue | null> = {};
    for (const [key, ok] of signals) {
      const value = stored.signals[key];
      values[key] = value !== undefined && value !== null && ok(value) ? value : null;
    }
    const mods: Record<string, number | null> = {};
    for (const [key, ok] of modifiers) {
      const value = stored.modifiers[key];
      mods[key] = value !== undefined && value !== null && ok(value) ? value : null;
    }
    return { segment: segmentOf(stored.segment), signals: values, modifiers: mods };
  };
}

function accepts(def: SignalDef): Accepts {
  if (def.type === 'enum') {
    const values = new Set(Object.keys(def.values));
    return (v) => typeof v === 'string' && values.has(v);
  }
  const words = new Set(Object.keys(def.words ?? {}));
  const number = acceptsNumber(def);
  return (v) => (typeof v === 'string' ? words.has(v) : number(v));
}

function acceptsNumber(def: {
  integer: boolean;
  min?: number | undefined;
  max?: number | undefined;
}): Accepts {
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
    if (def.integer && !Number.isInteger(v)) return false;
    if (def.min !== undefined && v < def.min) return false;
    return def.max === undefined || v <= def.max;
  };
}

function segmentOf(segment: string | null): Segment | null {
  return SEGMENTS.includes(segment as Segment) ? (segment as Segment) : null;
}
