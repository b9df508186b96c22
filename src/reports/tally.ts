/** A count and the MRR behind it, with the account ids that make it (for --json). */
export interface Tally {
  accounts: number;
  mrr: number;
  ids: string[];
}

interface Counted {
  companyId: string;
  mrr: number | null;
}

/** Accounts, their MRR summed in whole cents (no float drift) and their ids, in order. */
export function tally(accounts: readonly Counted[]): Tally {
  let cents = 0;
  const ids: string[] = [];
  for (const a of accounts) {
    cents += toCents(a.mrr ?? 0);
    ids.push(a.companyId);
  }
  return { accounts: ids.length, mrr: cents / 100, ids };
}

export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

/** part / whole in percent, to one decimal; null when the whole is zero (a share of nothing). */
export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}
