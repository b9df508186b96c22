import type { BacktestMetrics } from './backtest-metrics.ts';
import type { RocPoint } from './metric-roc.ts';

/** One model's backtest: who it is, its figures and its ROC curve. */
export interface ModelBacktest {
  name: string;
  version: string;
  /** How the report names it to a reader, e.g. "Current model". */
  label: string;
  metrics: BacktestMetrics;
  roc: RocPoint[];
}

/** One account a model called healthy within the horizon before it churned. */
export interface GreenThenChurnedAccount {
  companyId: string;
  name: string | null;
  /** The month it was called healthy, 'YYYY-MM'. */
  month: string;
  score: number | null;
  tier: string;
  /** Its last drivers, in plain words. */
  drivers: string[];
}

/** Several models backtested over the same accounts and months, side by side. */
export interface BacktestReport {
  portal: string;
  generatedAt: string;
  horizonDays: number;
  /** First and last month backtested, 'YYYY-MM'. */
  from: string;
  to: string;
  outcome: 'churn' | 'churn-or-contraction';
  models: ModelBacktest[];
  /** Accounts a model called healthy (its best tier) in a month within the horizon before they churned, with their last drivers. */
  greenThenChurned: {
    /** The model's `name`. */
    model: string;
    accounts: GreenThenChurnedAccount[];
  }[];
}
