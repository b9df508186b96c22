import { localDate, parseInstant } from '../plays/local-time.ts';
import type { ContactFacts } from '../plays/play-types.ts';
import { tierLabel } from '../plays/tier-positions.ts';
import type { SignalValue } from '../scoring/compile-model.ts';
import { UNKNOWN_TIER } from '../scoring/score-account.ts';
import type { BriefTier } from './brief-input.ts';

// The small phrasings every section shares, so a score, a date or a sum of money reads the same
// wherever a brief shows it.

const MONEY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The tier's label as the model names it; "No data" for an account without a score. */
export function tierName(tiers: readonly BriefTier[], key: string): string {
  if (key === UNKNOWN_TIER) return 'No data';
  return tiers.find((t) => t.key === key)?.label ?? tierLabel(key);
}

/**
 * An instant as the portal's users would name its day. A bare date is already such a day:
 * reading it as UTC midnight would move it a day back west of Greenwich.
 */
export function dayOf(iso: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const at = parseInstant(iso);
  return at ? localDate(at, timeZone) : iso;
}

/** A signal or modifier value as people read it: "two plus late", "45". */
export function valueWords(value: SignalValue | null): string {
  if (value === null) return 'no data';
  if (typeof value === 'string') return value.replaceAll('_', ' ');
  return String(Math.round(value * 100) / 100);
}

/** "1 point", "8 points", "0.4 points": whole points unless under one. */
export function pointsWords(points: number): string {
  const n = Math.abs(points);
  const shown = n >= 1 || n === 0 ? String(Math.round(n)) : n.toFixed(1);
  return `${shown} ${shown === '1' ? 'point' : 'points'}`;
}

/** A 0–10 dimension score to one decimal: "4.3/10". */
export function outOfTen(score: number): string {
  return `${oneDecimal(score)}/10`;
}

export function oneDecimal(n: number): string {
  return (Math.round(n * 10) / 10).toFixed(1);
}

export function money(amount: number): string {
  return `${amount < 0 ? '-' : ''}$${MONEY.format(Math.abs(amount))}`;
}

/** "up 4", "down 13", "no change"; `digits` for dimension scores. */
export function changeWords(change: number, digits = 0): string {
  const shown = Math.abs(change).toFixed(digits);
  if (Number(shown) === 0) return 'no change';
  return `${change < 0 ? 'down' : 'up'} ${shown}`;
}

/** "+4", "−13", "0": a change in a table cell. */
export function signed(change: number, digits = 0): string {
  const shown = Math.abs(change).toFixed(digits);
  if (Number(shown) === 0) return '0';
  return `${change < 0 ? '−' : '+'}${shown}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A contact as a CSM would look them up: name, else email, else their HubSpot id. */
export function contactName(contact: ContactFacts): string {
  return contact.name ?? contact.email ?? `contact ${contact.id}`;
}

/** "in 57 days", "today", "12 days ago". */
export function daysAway(days: number): string {
  if (days === 0) return 'today';
  const n = Math.abs(days);
  const unit = n === 1 ? 'day' : 'days';
  return days > 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** An ISO instant in ms for sorting; an unreadable one sorts first. */
export function instantMs(iso: string | null | undefined): number {
  return parseInstant(iso)?.getTime() ?? -Infinity;
}
