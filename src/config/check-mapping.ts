import type { Model } from '../scoring/model-schema.ts';
import { checkValue, describeAllowed } from '../signals/check-value.ts';
import { championValues } from '../signals/champion-status.ts';
import { signalTargets, type SignalTarget } from '../signals/signal-targets.ts';
import { closestMatch } from '../validation/closest-match.ts';
import { show, type IssueReport } from '../validation/describe-issues.ts';
import type { CompanySource, SignalSource } from './signal-source-schema.ts';

/**
 * Checks the signal mapping against the model: known keys, fitting types, allowed values. A null
 * source stands for an entry that already failed the schema: only its key is checked.
 */
export function checkMapping(
  signals: Readonly<Record<string, SignalSource | null>>,
  model: Model,
): IssueReport[] {
  const targets = signalTargets(model);
  return Object.entries(signals).flatMap(([key, source]) => {
    const target = targets.get(key);
    if (!target) return [unknownKey(key, [...targets.keys()], model.name)];
    if (source === null) return [];
    const path = `signals.${key}`;
    if (source.from === 'company') return checkCompanySource(source, target, path);
    if (source.from === 'champion') return checkChampion(championValues(source), target, path);
    if (target.type === 'number') return [];
    return [
      {
        path: `${path}.from`,
        message: `"${source.from}" gives a number, but ${key} takes ${describeAllowed(target)}.`,
      },
    ];
  });
}

function unknownKey(key: string, known: string[], model: string): IssueReport {
  const guess = closestMatch(key, known);
  const hint = guess ? `Did you mean "${guess}"?` : `Use ${known.join(', ')}.`;
  return {
    path: `signals.${key}`,
    message: `${model} has no signal or modifier "${key}". ${hint}`,
  };
}

function checkCompanySource(
  source: CompanySource,
  target: SignalTarget,
  path: string,
): IssueReport[] {
  const issues: IssueReport[] = [];
  const propertyType = source.type ?? target.type;
  if (propertyType === 'number' && target.type === 'enum') {
    issues.push({
      path: `${path}.type`,
      message: `${target.key} takes ${describeAllowed(target)}, not a number; use type: enum with a map from the property's values.`,
    });
  }
  if (propertyType === 'enum' && target.type === 'number' && !source.map) {
    issues.push({
      path: `${path}.map`,
      message: `${target.key} takes a number; give a map from each option value of ${source.property} to a number, e.g. { low: 1, high: 10 }.`,
    });
  }
  if (source.multiply !== undefined && propertyType !== 'number') {
    issues.push({
      path: `${path}.multiply`,
      message: 'multiply works on number properties only; remove it or set type: number.',
    });
  }
  for (const [option, value] of Object.entries(source.map ?? {})) {
    if (checkValue(target, value) !== null) {
      issues.push({
        path: `${path}.map.${option}`,
        message: `Got ${show(value)}; ${target.key} takes ${describeAllowed(target)}.`,
      });
    }
  }
  return issues;
}

function checkChampion(values: string[], target: SignalTarget, path: string): IssueReport[] {
  const missing = values.filter((v) => target.type !== 'enum' || !target.values.includes(v));
  if (missing.length === 0) return [];
  const gives = `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
  const hint = target.type === 'enum' ? ` It lacks ${missing.join(', ')}.` : '';
  return [
    {
      path: `${path}.from`,
      message: `"champion" gives ${gives}, but ${target.key} takes ${describeAllowed(target)}.${hint}`,
    },
  ];
}
