import { SCORE_CODES } from './metric-auc.ts';
import type { ObservationColumns } from './metric-observations.ts';

/**
 * What each account adds to the figures, packed for resampling: per account, its distinct
 * score codes with how often each occurs, and its alarm counts. The entries of account `a` are
 * `entries[entryStart[a]]` up to `entries[entryStart[a + 1]]` (a compressed sparse row
 * layout), each `count << 8 | code`: one array read per entry in the innermost loop.
 */
export interface AccountTable {
  accounts: number;
  entryStart: Uint32Array;
  entries: Uint32Array;
  /** Observations in an alarm tier, and those of them followed by churn. */
  alarm: Uint32Array;
  alarmChurned: Uint32Array;
  /** Observations with a tier that were followed by churn: the recall's denominator. */
  churnedTiered: Uint32Array;
}

/**
 * Packs the observations by account. Accounts are the unit of the bootstrap because one
 * account's months move together; an account index no observation uses is left out.
 */
export function buildAccountTable(
  columns: ObservationColumns,
  accountObservations: Uint32Array,
  alarmTier: Uint8Array,
): AccountTable {
  const { account, score, tier, churned } = columns;
  const dense = new Int32Array(accountObservations.length);
  let accounts = 0;
  for (let a = 0; a < accountObservations.length; a++) {
    dense[a] = accountObservations[a] === 0 ? -1 : accounts++;
  }
  // Room for every observation of each account (only the scored ones fill it), so one pass
  // places each code without first counting the scored observations per account.
  const entryStart = new Uint32Array(accounts + 1);
  for (let a = 0; a < accountObservations.length; a++) {
    const d = dense[a] as number;
    if (d >= 0) entryStart[d + 1] = (entryStart[d] as number) + (accountObservations[a] as number);
  }
  const fill = entryStart.slice(0, accounts);
  const codes = new Uint8Array(churned.length);
  const alarm = new Uint32Array(accounts);
  const alarmChurned = new Uint32Array(accounts);
  const churnedTiered = new Uint32Array(accounts);
  for (let i = 0; i < churned.length; i++) {
    const d = dense[account[i] as number] as number;
    const s = score[i] as number;
    const t = tier[i] as number;
    const c = churned[i] as number;
    if (s >= 0) codes[fill[d]!++] = s * 2 + c;
    if (t >= 0) {
      const inAlarm = alarmTier[t] as number;
      alarm[d]! += inAlarm;
      alarmChurned[d]! += inAlarm & c;
      churnedTiered[d]! += c;
    }
  }
  return { accounts, ...foldCodes(codes, entryStart, fill), alarm, alarmChurned, churnedTiered };
}

/** The most one entry can count; a code seen more often in one account takes more entries. */
const MAX_ENTRY_COUNT = 2 ** 24 - 1;

/** Each account's codes as distinct codes with counts: fewer entries to visit per resample. */
function foldCodes(codes: Uint8Array, start: Uint32Array, end: Uint32Array) {
  const accounts = end.length;
  const entryStart = new Uint32Array(accounts + 1);
  const entries = new Uint32Array(codes.length);
  // `seenBy[code]` is the account (plus one) that last met the code, `slot[code]` its entry.
  const seenBy = new Int32Array(SCORE_CODES);
  const slot = new Uint32Array(SCORE_CODES);
  let written = 0;
  for (let d = 0; d < accounts; d++) {
    entryStart[d] = written;
    for (let i = start[d] as number; i < (end[d] as number); i++) {
      const code = codes[i] as number;
      if (
        seenBy[code] !== d + 1 ||
        (entries[slot[code] as number] as number) >>> 8 === MAX_ENTRY_COUNT
      ) {
        seenBy[code] = d + 1;
        slot[code] = written;
        entries[written++] = code;
      }
      entries[slot[code] as number]! += 1 << 8;
    }
  }
  entryStart[accounts] = written;
  return { entryStart, entries: entries.slice(0, written) };
}
