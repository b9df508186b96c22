// A company's recent scores packed into one short text, so the reports read the whole book's
// weekly scores as one row per company (see sqlite-score-series.ts). Layout, in hexadecimal: a
// flag ("01": older readings were dropped, else "00"), then 14 digits a reading: the time in ms
// (12 digits) and the score (2 digits; "FF": no score). Oldest first. Text, not a blob: a blob
// costs a Node Buffer per company to read.

export interface Reading {
  at: number;
  score: number | null;
}

export interface Series {
  /** Older readings were dropped: before the first one kept, the score is not known here. */
  trimmed: boolean;
  readings: Reading[];
}

const DAY_MS = 86_400_000;
/**
 * Readings kept before a company's newest one: 18 weeks, what the 13-week trend needs and more.
 * Migration 12 fills the series with the same number.
 */
export const SERIES_DAYS = 126;
const FLAG = 2;
const RECORD = 14;
const NO_SCORE = 255;

/* Read in place, without an object per reading: a report reads a million of them. */

export function packedTrimmed(packed: string): boolean {
  return packed.charCodeAt(1) === 49; // "01"
}

export function packedCount(packed: string): number {
  return Math.floor((packed.length - FLAG) / RECORD);
}

export function packedAt(packed: string, k: number): number {
  return hexAt(packed, FLAG + k * RECORD, 12);
}

/** The time of reading `k` is at or before `end` (12 upper-case hex digits, as the series holds
 * times): compared as text, so most readings are decided on their first few digits. */
export function packedAtOrBefore(packed: string, k: number, end: string): boolean {
  const from = FLAG + k * RECORD;
  for (let i = 0; i < 12; i++) {
    const diff = packed.charCodeAt(from + i) - end.charCodeAt(i);
    if (diff !== 0) return diff < 0;
  }
  return true;
}

/** A time as the series holds it: 12 upper-case hex digits of its ms. */
export function hexTime(at: number): string {
  return at.toString(16).toUpperCase().padStart(12, '0');
}

export function packedScore(packed: string, k: number): number | null {
  const score = hexAt(packed, FLAG + k * RECORD + 12, 2);
  return score === NO_SCORE ? null : score;
}

function hexAt(text: string, from: number, digits: number): number {
  let value = 0;
  for (let i = from; i < from + digits; i++) {
    const c = text.charCodeAt(i);
    value = value * 16 + (c <= 57 ? c - 48 : (c | 32) - 87);
  }
  return value;
}

export function decodeSeries(packed: string | undefined): Series {
  if (!packed) return { trimmed: false, readings: [] };
  const readings = Array.from({ length: packedCount(packed) }, (_, k) => ({
    at: packedAt(packed, k),
    score: packedScore(packed, k),
  }));
  return { trimmed: packedTrimmed(packed), readings };
}

export function encodeSeries(series: Series): string {
  const hex = (value: number, digits: number) =>
    value.toString(16).toUpperCase().padStart(digits, '0');
  const readings = series.readings.map((r) => hexTime(r.at) + hex(r.score ?? NO_SCORE, 2));
  return (series.trimmed ? '01' : '00') + readings.join('');
}

/**
 * The series with one more reading, in time order, then trimmed to the readings of the
 * SERIES_DAYS before the newest and the one in force when they begin.
 */
export function addReading(series: Series, reading: Reading): Series {
  const readings = [...series.readings];
  let k = readings.length;
  while (k > 0 && readings[k - 1]!.at > reading.at) k--;
  readings.splice(k, 0, reading);
  return trimmed({ trimmed: series.trimmed, readings });
}

/** A whole history (oldest first) as a series. */
export function seriesOf(readings: Reading[]): Series {
  return trimmed({ trimmed: false, readings });
}

function trimmed(series: Series): Series {
  const { readings } = series;
  if (readings.length === 0) return series;
  const cutoff = readings.at(-1)!.at - SERIES_DAYS * DAY_MS;
  let drop = 0;
  while (drop + 1 < readings.length && readings[drop + 1]!.at <= cutoff) drop++;
  return { trimmed: series.trimmed || drop > 0, readings: readings.slice(drop) };
}
