import { isoInstant } from './iso-instant.ts';
import { StoreError } from './store-error.ts';
import type { SignalSnapshot } from './store.ts';

/**
 * Snapshots per page of `signalSnapshots`: big enough that a query's round trip is small beside
 * its rows, small enough that a page's parsed objects (~400 bytes each) stay about 2 MB.
 */
export const SNAPSHOT_PAGE = 5000;

/** A snapshot as both stores write it: keys checked, signals and modifiers as JSON text. */
export interface SnapshotParams {
  portal: string;
  company_id: string;
  month: string;
  taken_at: string;
  segment: string | null;
  signals: string;
  modifiers: string;
}

/** A snapshot as both stores read it back, without its portal: columns in this order, raw. */
export type SnapshotRow = [
  companyId: string,
  month: string,
  takenAt: string,
  segment: string | null,
  signals: string,
  modifiers: string,
];

/** The columns of a SnapshotRow, for a `SELECT` from signal_snapshots. */
export const SNAPSHOT_COLUMNS = 'company_id, month, taken_at, segment, signals, modifiers';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The value itself when it is a month 'YYYY-MM'. */
export function snapshotMonth(value: string, field: string): string {
  if (typeof value === 'string' && MONTH.test(value)) return value;
  throw new StoreError(
    'invalid-input',
    `${field} must be a month as YYYY-MM, got ${JSON.stringify(value)}.`,
  );
}

/** The months `signalSnapshots` reads, both included; absent bounds take every month. */
export function snapshotRange(range: { from?: string; to?: string } = {}): {
  from: string;
  to: string;
} {
  return {
    from: range.from === undefined ? '0000-01' : snapshotMonth(range.from, 'from'),
    to: range.to === undefined ? '9999-12' : snapshotMonth(range.to, 'to'),
  };
}

/** The row to write, checked: a bad month or instant refuses the whole batch. */
export function snapshotParams(row: SignalSnapshot): SnapshotParams {
  return {
    portal: row.portal,
    company_id: row.companyId,
    month: snapshotMonth(row.month, 'month'),
    taken_at: isoInstant(row.takenAt, 'takenAt'),
    segment: row.segment,
    signals: JSON.stringify(row.signals),
    modifiers: JSON.stringify(row.modifiers),
  };
}

/** A SnapshotRow as the snapshot it holds. */
export function snapshotOf(portal: string, row: SnapshotRow): SignalSnapshot {
  const [companyId, month, takenAt, segment, signals, modifiers] = row;
  return {
    portal,
    companyId,
    month,
    takenAt,
    segment,
    signals: JSON.parse(signals) as SignalSnapshot['signals'],
    // Most accounts meet no modifier: skip the parser for them.
    modifiers: modifiers === '{}' ? {} : (JSON.parse(modifiers) as SignalSnapshot['modifiers']),
  };
}
