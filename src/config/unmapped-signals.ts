import type { MappingConfig } from './config.ts';

/** Signals and modifiers of the model that the mapping leaves out: they are always missing. */
export function unmappedSignals(config: MappingConfig): { signals: string[]; modifiers: string[] } {
  const mapped = (key: string) => Object.hasOwn(config.signals, key);
  return {
    signals: config.model.dimensions
      .flatMap((d) => d.signals.map((s) => s.key))
      .filter((key) => !mapped(key)),
    modifiers: config.model.modifiers.map((m) => m.key).filter((key) => !mapped(key)),
  };
}
