import type { TierInfo } from './report-input.ts';
import type { CellKind, CellValue } from './section.ts';

export interface CellWords {
  tiers: ReadonlyMap<string, TierInfo>;
  /** Owner id → name; an owner not in it is shown by id. */
  owners: Readonly<Record<string, string>>;
}

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A cell for people: "$12,400", "41.3%", "+6", the tier's label, the owner's name. */
export function cellText(value: CellValue, kind: CellKind, words: CellWords): string {
  if (kind === 'owner') return ownerName(value, words);
  if (value === null) return '-';
  if (typeof value === 'string') return kind === 'tier' ? tierLabel(value, words) : value;
  switch (kind) {
    case 'money':
      return moneyText(value);
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'change':
      return changeText(value);
    default:
      return oneDecimal.format(value);
  }
}

/** A cell for a spreadsheet: plain numbers (no currency, no thousands separators), labels. */
export function cellCsv(value: CellValue, kind: CellKind, words: CellWords): string {
  if (kind === 'owner') return value === null ? '' : ownerName(value, words);
  if (value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  return kind === 'tier' ? tierLabel(value, words) : value;
}

/** "$12,400", to the whole unit. */
export function moneyText(value: number): string {
  return `${value < 0 ? '-' : ''}$${whole.format(Math.abs(value))}`;
}

/** "1 account", "1,204 accounts". */
export function accountsText(n: number): string {
  return `${whole.format(n)} ${n === 1 ? 'account' : 'accounts'}`;
}

/** "+6", "-3", "0". */
export function changeText(value: number): string {
  return value > 0 ? `+${oneDecimal.format(value)}` : oneDecimal.format(value);
}

function tierLabel(key: string, words: CellWords): string {
  return words.tiers.get(key)?.label ?? key;
}

function ownerName(id: CellValue, words: CellWords): string {
  if (id === null) return 'Unassigned';
  return words.owners[String(id)] ?? String(id);
}
