import { percentOf, toCents, type Tally } from './tally.ts';

export type Movement = 'expansion' | 'contraction' | 'churn' | 'unchanged' | 'new' | 'won-back';

export interface RetentionRow {
  companyId: string;
  name: string | null;
  /** MRR at the start and at the end of the period. */
  start: number;
  end: number;
  movement: Movement;
}

export interface RetentionFigures {
  /** The accounts paying at the start, and their MRR then. */
  start: Tally;
  /** Those same accounts at the end: the ones still paying, and what all of them pay. */
  end: Tally;
  /** MRR added by the accounts that pay more, and the accounts. */
  expansion: Tally;
  /** MRR lost by the accounts that pay less, but still pay. */
  contraction: Tally;
  /** MRR of the accounts that stopped paying. */
  churn: Tally;
  /** Accounts that started paying, or came back, during the period: not part of NRR or GRR. */
  newMrr: Tally;
  nrr: { percent: number | null; ids: string[] };
  grr: { percent: number | null; ids: string[] };
  logoChurn: { lost: number; start: number; percent: number | null; ids: string[] };
}

/** DOMAIN §8's figures from each account's MRR at the two ends of the period, in whole cents. */
export function retentionFigures(rows: readonly RetentionRow[]): RetentionFigures {
  const cohort = rows.filter((r) => r.start > 0);
  const of = (movement: Movement) => cohort.filter((r) => r.movement === movement);
  const start = sum(cohort, (r) => r.start);
  const expansion = sum(of('expansion'), (r) => r.end - r.start);
  const contraction = sum(of('contraction'), (r) => r.start - r.end);
  const churn = sum(of('churn'), (r) => r.start);
  const ids = start.ids;
  const base = toCents(start.mrr);
  const lost = toCents(contraction.mrr) + toCents(churn.mrr);
  return {
    start,
    end: { ...sum(cohort, (r) => r.end), ...still(cohort) },
    expansion,
    contraction,
    churn,
    newMrr: sum(
      rows.filter((r) => r.start === 0),
      (r) => r.end,
    ),
    nrr: { percent: percentOf(base + toCents(expansion.mrr) - lost, base), ids },
    grr: { percent: percentOf(base - lost, base), ids },
    logoChurn: {
      lost: churn.accounts,
      start: start.accounts,
      percent: percentOf(churn.accounts, start.accounts),
      ids: churn.ids,
    },
  };
}

function sum(rows: readonly RetentionRow[], amount: (r: RetentionRow) => number): Tally {
  const cents = rows.reduce((total, r) => total + toCents(amount(r)), 0);
  return { accounts: rows.length, mrr: cents / 100, ids: rows.map((r) => r.companyId) };
}

function still(cohort: readonly RetentionRow[]): Pick<Tally, 'accounts' | 'ids'> {
  const paying = cohort.filter((r) => r.end > 0);
  return { accounts: paying.length, ids: paying.map((r) => r.companyId) };
}
