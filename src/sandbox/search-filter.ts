import { z } from 'zod';
import type { PropertyDefinition } from './property-definition.ts';
import { validationError } from './sandbox-http-error.ts';

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

export const SearchFilter = z.object({
  propertyName: z.string(),
  operator: z.string(),
  value: Scalar.optional(),
  values: z.array(Scalar).optional(),
  highValue: Scalar.optional(),
});

export type SearchFilter = z.infer<typeof SearchFilter>;

const UNARY = ['HAS_PROPERTY', 'NOT_HAS_PROPERTY'];
const LISTS = ['IN', 'NOT_IN'];
const SINGLE = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
];

/** Refuses filters HubSpot would refuse: unknown property or operator, missing value. */
export function checkFilter(filter: SearchFilter, definitions: ReadonlyMap<string, unknown>): void {
  const where = { errors: [{ message: 'invalid filter', in: filter.propertyName }] };
  if (!definitions.has(filter.propertyName)) {
    throw validationError(
      `There is no property named "${filter.propertyName}" to filter on.`,
      where,
    );
  }
  const op = filter.operator;
  const ok = UNARY.includes(op)
    ? true
    : LISTS.includes(op)
      ? (filter.values?.length ?? 0) > 0
      : SINGLE.includes(op) &&
        filter.value !== undefined &&
        (op !== 'BETWEEN' || filter.highValue !== undefined);
  if (!ok)
    throw validationError(
      `Filter on "${filter.propertyName}": operator ${op} with these values is not valid.`,
      where,
    );
}

const tokens = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** CONTAINS_TOKEN: the value's words appear together in the property; `*` is a wildcard. */
function containsToken(value: string, wanted: string): boolean {
  if (wanted.includes('*')) {
    const escaped = wanted.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`^${escaped.replaceAll('*', '.*')}$`, 'u');
    return pattern.test(value.toLowerCase()) || tokens(value).some((token) => pattern.test(token));
  }
  const have = tokens(value);
  const want = tokens(wanted);
  if (want.length === 0) return false;
  return have.some((_, start) => want.every((word, offset) => have[start + offset] === word));
}

function comparable(def: PropertyDefinition | undefined, raw: string): number | string {
  if (def?.type === 'number') return Number(raw);
  if (def?.type === 'date' || def?.type === 'datetime') {
    return /^-?\d{9,}$/.test(raw) ? Number(raw) : Date.parse(raw);
  }
  return raw.toLowerCase();
}

/** Whether a record's value (null when unset) passes one filter. */
export function matchesFilter(
  filter: SearchFilter,
  def: PropertyDefinition | undefined,
  value: string | null,
) {
  const op = filter.operator;
  if (op === 'HAS_PROPERTY') return value !== null;
  if (op === 'NOT_HAS_PROPERTY') return value === null;
  const same = (other: unknown) =>
    value !== null && comparable(def, value) === comparable(def, String(other));
  if (op === 'EQ') return same(filter.value);
  if (op === 'NEQ') return !same(filter.value);
  if (op === 'IN') return (filter.values ?? []).some(same);
  if (op === 'NOT_IN') return !(filter.values ?? []).some(same);
  if (value === null) return false;
  if (op === 'CONTAINS_TOKEN') return containsToken(value, String(filter.value));
  if (op === 'NOT_CONTAINS_TOKEN') return !containsToken(value, String(filter.value));
  const have = comparable(def, value);
  const low = comparable(def, String(filter.value));
  if (op === 'LT') return have < low;
  if (op === 'LTE') return have <= low;
  if (op === 'GT') return have > low;
  if (op === 'GTE') return have >= low;
  return have >= low && have <= comparable(def, String(filter.highValue));
}
