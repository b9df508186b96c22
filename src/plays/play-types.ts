import type { Explanation } from '../scoring/explain-score.ts';

// The contract between the pure plays core and the shell that feeds it (src/jobs) and acts on
// its output. Times are ISO-8601 strings; `now` is always given, never read.

/** The fourteen churn signals of DOMAIN §4. */
export const CHURN_SIGNALS = [
  'data_export_request',
  'cancellation_terms_asked',
  'payment_failed_twice',
  'champion_left',
  'usage_down_50',
  'stopped_responding',
  'missed_checkins',
  'competitor_mentioned',
  'budget_review',
  'stakeholder_change',
  'scope_cut_request',
  'ticket_spike_then_silence',
  'billing_page_visits_up',
  'engagement_down_3_weeks',
] as const;
export type ChurnSignal = (typeof CHURN_SIGNALS)[number];

/** The expansion triggers of DOMAIN §7 that are observed in the portal. */
export const EXPANSION_SIGNALS = [
  'usage_near_limit',
  'new_use_case',
  'team_growth',
  'success_milestone',
] as const;
export type ExpansionSignal = (typeof EXPANSION_SIGNALS)[number];

export interface ContactFacts {
  id: string;
  name: string | null;
  email: string | null;
  /** Opted out of email (hs_email_optout). */
  optedOut: boolean;
  /** hs_buying_role values, e.g. CHAMPION, DECISION_MAKER, EXECUTIVE_SPONSOR. */
  roles: string[];
  /** The company's primary contact(s): association label "Primary" or the first-associated. */
  primary: boolean;
  /** No longer at the company. */
  left: boolean;
}

/** What the shell knows of one account besides its score. */
export interface AccountFacts {
  companyId: string;
  name: string | null;
  segment: string | null;
  mrr: number | null;
  ownerId: string | null;
  /** YYYY-MM-DD, or null when unknown. */
  renewalDate: string | null;
  /** When the account became a customer (its onboarding began); null when not mapped. */
  customerSince?: string | null;
  /** The lifecycle plays' facts; absent where the shell did not read them (see LifecycleFacts). */
  lifecycle?: LifecycleFacts;
  /** When the account churned; null while it is a customer. */
  churnedAt: string | null;
  /** When a payment last failed, and how many failures in a row (0 when paid up). */
  paymentFailedAt: string | null;
  paymentFailures: number;
  /** Churn and expansion signals read from mapped properties: when each was last observed. */
  observed: Partial<Record<ChurnSignal | ExpansionSignal, string | null>>;
  /** Last NPS answer (0–10) and when it was given. */
  npsLast: number | null;
  npsAt: string | null;
  daysSinceContact: number | null;
  contacts: ContactFacts[];
}

/**
 * What the lifecycle plays (onboarding, cadence, QBRs, anniversaries) read besides the rest.
 * Null means HubSpot holds no value; a field left out means it was not looked up in this
 * evaluation (a webhook rescore does not search meetings), and no play may judge by it.
 */
export interface LifecycleFacts {
  /** The latest person-to-person touch HubSpot logged on the company (its engagement dates). */
  lastTouchAt: string | null;
  /** The latest login into the product, when a property keeps it. */
  lastLoginAt?: string | null;
  /** Share of licensed users who are active, 0–100, when a property keeps it. */
  activationPct?: number | null;
  /** The HubSpot owner id of the account's account executive, when a property keeps it. */
  accountExecutiveId?: string | null;
  /** The next QBR (YYYY-MM-DD, portal time) and the last one held, from meetings or a property. */
  qbr?: { next: string | null; last: string | null };
}

/** One earlier scoring of the account (the store's history), oldest first. */
export interface HistoryPoint {
  scoredAt: string;
  score: number | null;
  tier: string;
  dimensions: Record<string, number | null>;
}

export interface SequenceSettings {
  /** The portal's sequence id; null when the admin has not configured one (the play is planned
   * but cannot enrol, and says so). */
  sequenceId: string | null;
}

export interface PlaySettings {
  /** The portal's time zone: due dates are business times there. */
  timeZone: string;
  /** Owner for accounts without one; null leaves such tasks unassigned. */
  fallbackOwnerId: string | null;
  /** Owner id → their manager's owner id, for escalations. */
  managers: Record<string, string>;
  /** Most tasks a run may give one owner in a day; the rest wait for the next day. */
  dailyTaskCapPerOwner: number;
  /** The hour (0–23, portal time) business hours start: no task is due earlier in the day. */
  workdayStartHour: number;
  /** The hour (0–23, portal time) business hours end: a "same day" task is due by it. */
  workdayEndHour: number;
  /** Days a "next touchpoint" task is given. */
  nextTouchpointDays: number;
  renewal: SequenceSettings & { offsetDays: number };
  winBack: SequenceSettings & { maxDaysAfterChurn: number };
  paymentRecovery: SequenceSettings & { highValueMrr: number };
  /** The HubSpot user who enrols contacts, and the connected inbox they send from. */
  sender: { userId: string | null; email: string | null };
  /** Rule ids the admin switched off. */
  disabledRules: string[];
  /** Onboarding, cadence, QBR, anniversary and NPS plays; absent: the defaults. */
  lifecycle?: LifecycleSettings;
}

/** Days between touches for one segment: null where the seeds set no cadence. */
export interface SegmentCadence {
  /** Most days between two logged touches (calls, meetings, emails). */
  touchDays: number | null;
  /** Days between two QBRs. */
  qbrDays: number | null;
}

export interface LifecycleSettings {
  /** false: none of the lifecycle plays (onboarding, cadence, QBRs, anniversaries, NPS follow-up,
   * value reports); the alarm plays go on. */
  enabled: boolean;
  cadence: Record<'enterprise' | 'mid_market' | 'smb' | 'trial', SegmentCadence>;
  /** Days between touches while the account is in the worst tier, and the tier above it. */
  criticalTouchDays: number;
  atRiskTouchDays: number;
  /** The prep brief is written this many days before a QBR. */
  qbrLeadDays: number;
  /** The monthly value report note on the first business day of the month. */
  valueReport: boolean;
  /**
   * Lifecycle tasks are made only while the portal's new Vitals tasks of the day stay under this
   * share of its accounts (%); the rest wait for a quieter day. Alarms are never held by it.
   */
  dailyTaskBudgetPercent: number;
}

/**
 * The three kinds of task an account can have open at once, at most one each: a save task while
 * the account is in trouble, a renewal task while a renewal is near, an expansion task while it is
 * ready to grow. Every trigger of a kind feeds the one task instead of making another.
 */
export const TRACK_KINDS = ['save', 'renewal', 'expansion'] as const;
export type TrackKind = (typeof TRACK_KINDS)[number];

/** One trigger that fed a track: a rule that fired, or a dated checkpoint. */
export interface TrackTrigger {
  ruleId: string;
  /** The rule's own episode (a crossing's date, an event's time). */
  episode: string;
  /** When it was seen: the `now` of that evaluation. */
  at: string;
  why: string;
  priority: Priority;
  /** When its own response time would have the task due; absent for baseline triggers. */
  dueAt?: string;
  /** It was already so when Vitals started watching the portal: recorded, no task for it. */
  baseline?: boolean;
}

/** An open episode of a track, saved between evaluations with the company's play state. */
export interface TrackState {
  kind: TrackKind;
  /** The episode's key: the local date it opened, or the renewal date for renewals. */
  episode: string;
  openedAt: string;
  triggers: TrackTrigger[];
  priority: Priority;
  /** The task's due time; null while no task was planned (only baseline triggers so far). */
  dueAt: string | null;
  /** When the task was first planned: the playbook's dates and checkpoints count from here (an
   * episode the baseline only recorded may get its task much later). */
  taskAt?: string;
  /** Whether the owner's task and the manager's copy were planned. */
  task: boolean;
  manager: boolean;
}

export type OpenTracks = Partial<Record<TrackKind, TrackState>>;

/** Weekly readings of the signals plays read as a change, oldest first, per signal key. */
export type SignalReadings = Record<string, { at: string; value: number }[]>;

export interface PlayInput {
  now: Date;
  account: AccountFacts;
  current: Explanation;
  /** Tier keys of the model, best first. */
  tiers: readonly string[];
  history: readonly HistoryPoint[];
  /** Rules whose condition held at the previous evaluation (so a crossing fires once). */
  previouslyActive: ReadonlySet<string>;
  /** The tracks open after the previous evaluation. */
  tracks: OpenTracks;
  /** Earlier readings of the change signals (see signal-readings.ts). */
  readings: SignalReadings;
  /**
   * The portal's first evaluation with plays: what already holds is recorded as the starting
   * point, and only the urgent plays act (see `PlayRule.urgent`).
   */
  baseline: boolean;
  /**
   * When Vitals started watching the lifecycle plays on this portal (its first complete pass with
   * them). Null: this is that pass; they only start watching. A lifecycle episode dated before it
   * is old news, neither acted on nor recorded, so a new install or an upgrade does not send every
   * account's overdue check-in at once. Absent: as `baseline` (callers that predate them).
   */
  lifecycleSince?: string | null;
  /** The lifecycle tasks Vitals made for the account and has not completed, as they were made. */
  lifecycleTasks?: readonly TaskAction[];
  settings: PlaySettings;
}

export type Priority = 'HIGH' | 'MEDIUM' | 'LOW';
export type TaskType = 'CALL' | 'EMAIL' | 'TODO';
export type SequenceKind = 'renewal' | 'winBack' | 'paymentRecovery';

interface ActionBase {
  ruleId: string;
  episode: string;
  /** `${companyId}:${ruleId}:${episode}` plus a suffix when one rule makes several actions;
   * the ledger's idempotency key. */
  key: string;
  companyId: string;
}

/** A track's task, or a lifecycle play's task, which stands alone: made once, never rewritten. */
export type TaskTrack = TrackKind | 'lifecycle';

export interface TaskAction extends ActionBase {
  kind: 'task';
  /** The track the task belongs to. */
  track: TaskTrack;
  ownerId: string | null;
  /** Why this owner: the company owner, the configured fallback, the owner's manager, or the
   * account executive. */
  route: 'owner' | 'fallback' | 'manager' | 'account-executive';
  priority: Priority;
  type: TaskType;
  subject: string;
  body: string;
  dueAt: string;
  contactIds: string[];
}

export interface EnrollAction extends ActionBase {
  kind: 'enroll';
  sequence: SequenceKind;
  sequenceId: string | null;
  contactId: string;
  /** Set when the contact cannot be enrolled (no email, opted out, no sequence configured). */
  skip: string | null;
}

export interface PropertyAction extends ActionBase {
  kind: 'property';
  property: string;
  value: string;
}

/**
 * A change to a task planned earlier (`target` is its ledger key): new text, priority and due
 * time when a trigger joins its track, or COMPLETED when the track's episode ends.
 */
export interface TaskUpdateAction extends ActionBase {
  kind: 'task-update';
  track: TaskTrack;
  target: string;
  subject: string;
  body: string;
  priority: Priority;
  dueAt: string;
  status: 'NOT_STARTED' | 'COMPLETED';
}

/** The brief a note carries: the QBR prep brief or the monthly value report. */
export type BriefKind = 'qbr' | 'value-report';

/**
 * A note on the company's timeline. The core plans it; the shell writes its body, which needs
 * Vitals' own records of the account (its plays), just before it is recorded.
 */
export interface NoteAction extends ActionBase {
  kind: 'note';
  brief: BriefKind;
  ownerId: string | null;
  title: string;
  /** The note's HTML; empty until the shell writes it. */
  body: string;
  /** The QBR's date (YYYY-MM-DD) for a QBR brief; null for a value report. */
  qbrDate: string | null;
}

export type PlannedAction =
  TaskAction | TaskUpdateAction | EnrollAction | PropertyAction | NoteAction;

export interface RuleVerdict {
  ruleId: string;
  fired: boolean;
  /** In plain words: why it fired, or why not. */
  why: string;
}

export interface PlayOutcome {
  actions: PlannedAction[];
  /** What the baseline recorded instead of doing: kept in the ledger as skipped, never done. */
  baselined: (TaskAction | EnrollAction | NoteAction)[];
  /** The tracks open after this evaluation: the next one's `tracks`. */
  tracks: OpenTracks;
  /** The change signals' readings to keep: the next one's `readings`. */
  readings: SignalReadings;
  /** Crossing rules whose condition holds now: the next evaluation's `previouslyActive`. */
  active: string[];
  verdicts: RuleVerdict[];
}
