import type { ExpansionSignal, Priority } from '../plays/play-types.ts';
import type { TierDef } from '../scoring/model-schema.ts';

// What the reports read. The shell (store, card snapshots, ledger) builds these; the reports do
// no I/O and never read the clock: `asOf` is given. Times are ISO-8601 strings, dates YYYY-MM-DD.

/** A model tier, best first; reports add `unknown` ("No data") after the model's own. */
export interface TierInfo {
  key: string;
  label: string;
  color: TierDef['color'] | 'gray';
}

/** One earlier scoring; a weekly reading is enough (the trend looks back 13 weeks). */
export interface ScorePoint {
  at: string;
  score: number | null;
}

/** The card's play statuses (extensions/app/cards/card-contract.ts), one for one. */
export type PlayStatus =
  'open' | 'task-created' | 'held' | 'skipped' | 'enrolled' | 'dismissed' | 'completed';

/** One play of the account, as the card shows it. */
export interface AccountPlay {
  /** A rule id, or a track's play: `save-playbook`, `renewal-plan`, `expansion-plan`. */
  id: string;
  title: string;
  /** What set it off, in plain words (the card's `why`). */
  trigger: string;
  priority: Priority;
  /** Who the task is for; null when unassigned or not a task. */
  ownerId: string | null;
  dueAt: string | null;
  status: PlayStatus;
}

/** The renewal timeline's steps (src/plays/renewal-rules.ts), by rule id, earliest first. */
export const RENEWAL_STEPS = [
  'renewal-forecast',
  'renewal-review',
  'renewal-contract',
  'renewal-escalation',
  'renewal-red-alert',
] as const;
export type RenewalStep = (typeof RENEWAL_STEPS)[number];

/** The win-back enrolment of a churned account, from the ledger's `win-back` entries. */
export interface WinBack {
  /** enrolled: its contacts are in the sequence; skipped: `detail` says why; not-enrolled: none. */
  status: 'enrolled' | 'skipped' | 'not-enrolled';
  /** When the contacts were enrolled. */
  at: string | null;
  detail: string | null;
}

export interface AccountDriver {
  label: string;
  /** The value now, in words. */
  value: string;
  /** Score points it costs (negative). */
  impact: number;
}

/** One company of the portfolio, churned ones included (the reactivation report lists them). */
export interface PortfolioAccount {
  companyId: string;
  name: string | null;
  ownerId: string | null;
  /** As HubSpot says; an account without a known one is placed by MRR, as the plays do. */
  segment: string | null;
  /** MRR now; for a churned account, what it paid when it left. */
  mrr: number | null;
  /** The model's tier key, or `unknown` when the account has no data. */
  tier: string;
  score: number | null;
  /** 0–100: the share of the model that had data. */
  coverage: number;
  /** The written `health_score_change_7d`. */
  change7d: number | null;
  /** Earlier scores, oldest first. */
  history: readonly ScorePoint[];
  renewalDate: string | null;
  /** The step the open renewal task is at; null when no renewal task is open. */
  renewalStep: RenewalStep | null;
  churnedAt: string | null;
  winBack: WinBack | null;
  /** The card's plays: open tracks and enrolments, with the ledger's status. */
  plays: readonly AccountPlay[];
  /** What costs the most points, worst first (the card's top three). */
  drivers: readonly AccountDriver[];
  /** The growth signals that hold now. */
  expansionSignals: readonly ExpansionSignal[];
}

/** One company's MRR over time, oldest first; the first point is where the record starts. */
export interface MrrPoint {
  at: string;
  mrr: number;
}

/** Per company id. A churn is a point with MRR 0; the first run dates every starting point at
 * its own start, so the whole portal's record begins at one instant. */
export type MrrHistory = Readonly<Record<string, readonly MrrPoint[]>>;

/** One NPS answer (0–10) of one contact. */
export interface NpsRating {
  companyId: string;
  contactId: string;
  score: number;
  at: string;
}

export interface ReportFilter {
  /** HubSpot owner id of the account. */
  owner?: string;
  segment?: string;
}

export interface ReportContext {
  asOf: Date;
  /** The portal's time zone: renewal days and week dates are counted there. */
  timeZone: string;
  /** The model's tiers, best first. */
  tiers: readonly TierInfo[];
  filter?: ReportFilter;
}
