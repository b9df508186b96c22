import { z } from 'zod';
import { closestMatch } from '../validation/closest-match.ts';
import { show } from '../validation/describe-issues.ts';
import { conditionTest, type CompiledModel, type SignalValue } from './compile-model.ts';
import { SEGMENTS, type SignalDef } from './model-schema.ts';
import { enumHint, numberHint } from './value-hint.ts';

interface Range {
  integer: boolean;
  min?: number | undefined;
  max?: number | undefined;
}

/** The zod schema of one input account for this model: signals, modifiers, id, segment. */
export function accountSchema(model: CompiledModel) {
  const name = model.model.name;
  const signals = Object.fromEntries(
    model.signals.map((s) => [s.key, signalValueSchema(s.def).nullish()]),
  );
  const modifiers = Object.fromEntries(
    model.modifiers.map((m) => [m.key, numberSchema(m.def, m.key).nullish()]),
  );
  const known = (kind: string, keys: string[]) => (issue: { code: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? unknownKeyMessage(kind, name, keys, issue.keys ?? [])
      : `Give ${kind}s as an object of key: value pairs.`;
  // Not strict: an export's extra columns (notes, owner, …) are no reason to reject the account;
  // parseAccounts counts them for one warning per field.
  return z.object(
    {
      id: z
        .union([z.string().trim().min(1), z.number().int().nonnegative()], {
          error: 'Each account needs an "id": a non-empty string such as the HubSpot company id.',
        })
        .transform(String),
      name: z.string({ error: 'Give the name as text.' }).optional(),
      segment: z
        .enum(SEGMENTS, {
          error: (i) =>
            `Got ${show(i.input)}; use one of ${SEGMENTS.join(', ')}, or leave it out.${enumHint(i.input, SEGMENTS)}`,
        })
        .nullish(),
      signals: z
        .strictObject(signals, { error: known('signal', Object.keys(signals)) })
        .default({}),
      modifiers: z
        .strictObject(modifiers, { error: known('modifier', Object.keys(modifiers)) })
        .default({}),
    },
    {
      error:
        'Give each account as an object of key: value pairs, like {"id": "1", "signals": {…}}.',
    },
  );
}

/** The top-level fields of an account that Vitals reads; any other is ignored. */
export const ACCOUNT_FIELDS: readonly string[] = ['id', 'name', 'segment', 'signals', 'modifiers'];

export type ValidAccount = z.output<ReturnType<typeof accountSchema>>;

function unknownKeyMessage(kind: string, model: string, allowed: string[], keys: string[]): string {
  const guess = keys.length === 1 ? closestMatch(keys[0]!, allowed) : null;
  const hint = guess ? ` Did you mean "${guess}"?` : ` Known ${kind}s: ${allowed.join(', ')}.`;
  // describeIssues splits this issue per key; {key} is filled in there.
  return `"{key}" is not ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} of ${model}.${hint}`;
}

function signalValueSchema(def: SignalDef) {
  if (def.type === 'enum') {
    const values = Object.keys(def.values);
    return z.custom<SignalValue>((v) => typeof v === 'string' && values.includes(v), {
      error: (i) =>
        `Got ${show(i.input)}; ${def.key} takes one of ${values.join(', ')}.${enumHint(i.input, values)}`,
    });
  }
  return numberSchema(def, def.key, Object.keys(def.words ?? {}));
}

function numberSchema(range: Range, what: string, words: string[] = []) {
  const allowed = describeRange(range) + words.map((w) => ` or "${w}"`).join('');
  const inRange = (v: number) =>
    Number.isFinite(v) &&
    (!range.integer || Number.isInteger(v)) &&
    (range.min === undefined || conditionTest({ atLeast: range.min })(v)) &&
    (range.max === undefined || conditionTest({ atMost: range.max })(v));
  return z.custom<number>(
    (v) => (typeof v === 'number' && inRange(v)) || (typeof v === 'string' && words.includes(v)),
    {
      error: (i) => `Got ${show(i.input)}; ${what} takes ${allowed}.${numberHint(i.input, words)}`,
    },
  );
}

function describeRange(range: Range): string {
  const kind = range.integer ? 'a whole number' : 'a number';
  if (range.min !== undefined && range.max !== undefined)
    return `${kind} from ${range.min} to ${range.max}`;
  if (range.min !== undefined) return `${kind} of ${range.min} or more`;
  if (range.max !== undefined) return `${kind} of ${range.max} or less`;
  return kind;
}
