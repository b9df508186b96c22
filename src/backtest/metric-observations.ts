/** One account in one month: what the model said then, and whether churn followed. */
export interface Observation {
  accountId: string;
  /** The month scored, as YYYY-MM. */
  month: string;
  /** The health score, a whole number 0–100; null when there was no data that month. */
  score: number | null;
  /** The tier the score put the account in; null (or a tier not listed) when there was none. */
  tier: string | null;
  /** Whether the account churned within the horizon after this month. */
  churned: boolean;
}

/**
 * The same observations as parallel typed arrays, one entry per observation: about 10 bytes
 * each instead of an object, for millions of account-months.
 */
export interface ObservationColumns {
  /** Each observation's account, as a small index (the caller keeps the ids). */
  account: Uint32Array;
  /** Each observation's month, as an index into `months`. */
  month: Uint16Array | Uint32Array;
  /** The month labels (YYYY-MM) that `month` indexes; they need not be sorted. */
  months: readonly string[];
  /** Each observation's score 0–100, or −1 for none. */
  score: Int8Array | Int16Array;
  /** Each observation's tier, as an index into the options' `tiers`, or −1 for none. */
  tier: Int8Array | Int16Array;
  /** 1 when churn followed the observation, 0 when not. */
  churned: Uint8Array;
}

/** Whether the input is already columns rather than observation objects. */
export function isObservationColumns(
  input: Iterable<Observation> | ObservationColumns,
): input is ObservationColumns {
  return 'churned' in input && ArrayBuffer.isView(input.churned);
}

/**
 * Observation objects as columns. A tier that is not in `tiers` (such as the engine's
 * 'unknown' for a month without data) becomes "no tier" rather than an error.
 */
export function toColumns(
  observations: Iterable<Observation>,
  tiers: readonly string[],
): ObservationColumns {
  const list = Array.isArray(observations) ? (observations as Observation[]) : [...observations];
  const n = list.length;
  const columns = {
    account: new Uint32Array(n),
    month: new Uint32Array(n),
    months: [] as string[],
    score: new Int16Array(n),
    tier: new Int16Array(n),
    churned: new Uint8Array(n),
  };
  const accountIndex = new Map<string, number>();
  const monthIndex = new Map<string, number>();
  const tierIndex = new Map(tiers.map((t, i) => [t, i]));
  for (let i = 0; i < n; i++) {
    const o = list[i] as Observation;
    let account = accountIndex.get(o.accountId);
    if (account === undefined) accountIndex.set(o.accountId, (account = accountIndex.size));
    let month = monthIndex.get(o.month);
    if (month === undefined) {
      monthIndex.set(o.month, (month = monthIndex.size));
      columns.months.push(o.month);
    }
    if (o.score !== null && !isScore(o.score)) {
      throw new RangeError(
        `Account ${o.accountId} in ${o.month} has score ${o.score}; scores are whole numbers 0–100 or null.`,
      );
    }
    columns.account[i] = account;
    columns.month[i] = month;
    columns.score[i] = o.score ?? -1;
    columns.tier[i] = o.tier === null ? -1 : (tierIndex.get(o.tier) ?? -1);
    columns.churned[i] = o.churned ? 1 : 0;
  }
  return columns;
}

function isScore(score: number): boolean {
  return Number.isInteger(score) && score >= 0 && score <= 100;
}
