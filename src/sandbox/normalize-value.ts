import type { PropertyDefinition } from './property-definition.ts';

export type ValueOutcome = { value: string | null } | { error: string; message: string };

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH_MS = /^-?\d{9,}$/;
const MAX_STRING = 65_536;

function enumeration(def: PropertyDefinition, text: string, owners: ReadonlySet<string>) {
  if (def.referencedObjectType === 'OWNER') {
    return owners.has(text)
      ? { value: text }
      : { error: 'INVALID_OWNER_ID', message: `${text} is not a valid owner id` };
  }
  const allowed = new Set(def.options.map((option) => option.value));
  const parts = def.fieldType === 'checkbox' ? text.split(';') : [text];
  const wrong = parts.find((part) => !allowed.has(part));
  if (wrong === undefined) return { value: text };
  return {
    error: 'INVALID_OPTION',
    message: `${wrong} was not one of the allowed options: [${[...allowed].join(', ')}]`,
  };
}

function date(text: string): ValueOutcome {
  if (DATE.test(text) && !Number.isNaN(Date.parse(text))) return { value: text };
  const ms = EPOCH_MS.test(text) ? Number(text) : Number.NaN;
  if (Number.isFinite(ms) && ms % 86_400_000 === 0) {
    return { value: new Date(ms).toISOString().slice(0, 10) };
  }
  return {
    error: 'INVALID_DATE',
    message: `${text} is not a valid date: give YYYY-MM-DD or midnight UTC in ms`,
  };
}

function dateTime(text: string): ValueOutcome {
  const ms = EPOCH_MS.test(text)
    ? Number(text)
    : DATETIME.test(text)
      ? Date.parse(text)
      : Number.NaN;
  if (Number.isFinite(ms)) return { value: new Date(ms).toISOString() };
  return {
    error: 'INVALID_DATETIME',
    message: `${text} is not a valid datetime: give ISO 8601 or epoch ms`,
  };
}

/**
 * Checks one value against its property and returns it as HubSpot stores it: always a string,
 * dates as YYYY-MM-DD, datetimes as ISO 8601. "" and null clear the value.
 */
export function normalizeValue(
  def: PropertyDefinition,
  raw: unknown,
  owners: ReadonlySet<string>,
): ValueOutcome {
  if (raw === null) return { value: null };
  if ((typeof raw !== 'string' && typeof raw !== 'number') || Number.isNaN(raw)) {
    return { error: 'INVALID_VALUE_TYPE', message: `${def.name} takes a string, a number or null` };
  }
  const text = String(raw);
  if (text === '') return { value: null };
  switch (def.type) {
    case 'number':
      return NUMBER.test(text.trim()) && Number.isFinite(Number(text))
        ? { value: String(Number(text)) }
        : { error: 'INVALID_NUMBER', message: `${text} is not a valid number` };
    case 'bool':
      return ['true', 'false'].includes(text.toLowerCase())
        ? { value: text.toLowerCase() }
        : {
            error: 'INVALID_BOOLEAN',
            message: `${text} is not a valid boolean: give "true" or "false"`,
          };
    case 'enumeration':
      return enumeration(def, text, owners);
    case 'date':
      return date(text);
    case 'datetime':
      return dateTime(text);
    default:
      return text.length <= MAX_STRING
        ? { value: text }
        : {
            error: 'INVALID_STRING_LENGTH',
            message: `${def.name} is longer than ${MAX_STRING} characters`,
          };
  }
}
