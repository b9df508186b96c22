import type { Model, SignalDef } from '../scoring/model-schema.ts';
import { formatValue } from './format-value.ts';
import type { ResultRow } from './to-result-row.ts';

/** The account's biggest loss in plain words: "Champion: left (costs 8 points)". */
export function describeDriver(row: ResultRow, model: Model): string {
  if (row.score === null) return 'no signals given';
  const driver = row.drivers[0];
  if (!driver) return 'none';
  const lost = Math.abs(driver.impact);
  const cost = lost < 0.5 ? 'under 1 point' : `${Math.round(lost)} points`;
  const unit = driver.kind === 'signal' ? unitOf(model, driver.key) : undefined;
  return `${driver.label}: ${formatValue(driver.value, unit)} (costs ${cost})`;
}

function unitOf(model: Model, key: string): string | undefined {
  const signal: SignalDef | undefined = model.dimensions
    .flatMap((d) => d.signals)
    .find((s) => s.key === key);
  return signal?.type === 'number' ? signal.unit : undefined;
}
