import type { CompanySource } from '../config/signal-source-schema.ts';
import type { SignalValue } from '../scoring/compile-model.ts';
import { checkValue, describeAllowed } from './check-value.ts';
import { problemAt, type ReportProblem } from './extraction-problem.ts';
import { readProperty, type HubSpotRecord } from './hubspot-record.ts';
import { parseNumber } from './parse-number.ts';
import type { SignalTarget } from './signal-targets.ts';

/** A company property's value converted for its signal: mapped, parsed, multiplied, checked. */
export function companyValue(
  source: CompanySource,
  target: SignalTarget,
  company: HubSpotRecord,
  report: ReportProblem,
): SignalValue | null {
  const raw = readProperty(company, source.property);
  if (raw === null) return null;
  const fail = (message: string) => {
    report(problemAt('company', company, source.property, raw, message));
    return null;
  };
  // Own keys only: an option value such as "constructor" must not reach Object.prototype.
  const mapped = source.map && Object.hasOwn(source.map, raw) ? source.map[raw] : undefined;
  let value: SignalValue;
  if (mapped !== undefined) value = mapped;
  else if ((source.type ?? target.type) === 'enum' || target.words.includes(raw)) value = raw;
  else {
    const number = parseNumber(raw);
    if (number === null)
      return fail(`Not a number; ${target.key} takes ${describeAllowed(target)}.`);
    value = source.multiply === undefined ? number : cleanProduct(number, source.multiply);
  }
  const wrong = checkValue(target, value);
  if (wrong === null) return value;
  const hint =
    mapped === undefined && target.type === 'enum'
      ? ` Add this value to signals.${target.key}.map.`
      : '';
  return fail(`${wrong}.${hint}`);
}

/** 0.07 × 100 is 7.000000000000001 in floats; twelve significant digits remove that noise. */
function cleanProduct(a: number, b: number): number {
  return Number((a * b).toPrecision(12));
}
