import { describe, expect, it } from 'vitest';
import { buildAccountTable } from '../../../src/backtest/bootstrap-accounts.ts';
import { scoreCode } from '../../../src/backtest/metric-auc.ts';
import type { ObservationColumns } from '../../../src/backtest/metric-observations.ts';
import { tallyObservations } from '../../../src/backtest/metric-tally.ts';

/** Account index, score (−1: none), tier index (−1: none), churned. */
type Row = [number, number, number, 0 | 1];

function columns(rows: Row[]): ObservationColumns {
  return {
    account: Uint32Array.from(rows.map((r) => r[0])),
    month: new Uint16Array(rows.length),
    months: ['2025-01'],
    score: Int8Array.from(rows.map((r) => r[1])),
    tier: Int8Array.from(rows.map((r) => r[2])),
    churned: Uint8Array.from(rows.map((r) => r[3])),
  };
}

function entriesOf(table: ReturnType<typeof buildAccountTable>, account: number) {
  const entries = [
    ...table.entries.slice(table.entryStart[account], table.entryStart[account + 1]),
  ];
  return entries.map((e) => ({ code: e & 0xff, count: e >>> 8 }));
}

describe('buildAccountTable', () => {
  // Tiers 0 (healthy) and 1 (critical); critical raises the alarm.
  const alarm = Uint8Array.from([0, 1]);

  it('folds an account’s repeated scores into one entry with a count, churn kept apart', () => {
    const data = columns([
      [0, 40, 1, 0],
      [0, 40, 1, 0],
      [0, 40, 1, 1],
      [0, 90, 0, 0],
      [0, -1, -1, 1],
    ]);
    const table = buildAccountTable(data, tallyObservations(data, 2).accountObservations, alarm);
    expect(table.accounts).toBe(1);
    expect(entriesOf(table, 0)).toEqual([
      { code: scoreCode(40, false), count: 2 },
      { code: scoreCode(40, true), count: 1 },
      { code: scoreCode(90, false), count: 1 },
    ]);
    expect([table.alarm[0], table.alarmChurned[0], table.churnedTiered[0]]).toEqual([3, 1, 1]);
  });

  it('groups observations by account whatever their order, and skips unused account indexes', () => {
    const data = columns([
      [5, 10, 1, 1],
      [2, 20, 0, 0],
      [5, 11, 1, 0],
      [2, 20, 0, 1],
    ]);
    const table = buildAccountTable(data, tallyObservations(data, 2).accountObservations, alarm);
    expect(table.accounts).toBe(2);
    expect(entriesOf(table, 0)).toEqual([
      { code: scoreCode(20, false), count: 1 },
      { code: scoreCode(20, true), count: 1 },
    ]);
    expect(entriesOf(table, 1)).toEqual([
      { code: scoreCode(10, true), count: 1 },
      { code: scoreCode(11, false), count: 1 },
    ]);
    expect([...table.alarm]).toEqual([0, 2]);
    expect([...table.churnedTiered]).toEqual([1, 1]);
  });
});
