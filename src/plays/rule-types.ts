import type { Segment } from '../scoring/model-schema.ts';
import type {
  TrackKind,
  HistoryPoint,
  PlayInput,
  PlaySettings,
  Priority,
  SequenceKind,
  TaskType,
} from './play-types.ts';

/**
 * How a rule fires once: an `event` carries its own episode (a renewal date, an observation
 * time); a `crossing` fires when its condition starts to hold. Churn signals are events when a
 * property reports them and crossings when they are derived from the score.
 */
export type LifecycleFamily = 'onboarding' | 'cadence' | 'qbr' | 'anniversary' | 'nps' | 'report';

export type EpisodeKind = 'event' | 'crossing' | 'event-or-crossing';

/** A response time of DOMAIN §3–§7; dueAt turns it into a date in the portal's time zone. */
export type Due =
  | { kind: 'same-day' }
  | { kind: 'hours'; hours: number }
  | { kind: 'days'; days: number }
  | { kind: 'business-days'; days: number }
  | { kind: 'next-touchpoint' };

export interface TriggerResult {
  /** In plain words: what holds, or what is missing. */
  why: string;
  /** Set when an event holds: its episode key (a date or an ISO instant). */
  event?: string;
  /** True when the rule's standing condition holds now (a crossing). */
  crossing?: boolean;
  /** The earlier reading the play's score change is measured against. */
  baseline?: HistoryPoint;
  /** The facts to judge by were not read: neither holding nor over (a task stays as it is). */
  unknown?: true;
}

export interface Trigger {
  /** The condition in words, for `vitals plays list`. */
  describe(settings: PlaySettings): string;
  check(input: PlayInput): TriggerResult;
}

/** Whom a task is about, or whom a sequence enrols. Contacts who left are never chosen. */
export type ContactChoice =
  | 'none'
  /** Champions, decision makers and executive sponsors; else the primary contacts. */
  | 'key-people'
  /** Champions and decision makers; else the primary contacts (DOMAIN §6 renewal). */
  | 'renewal-signers'
  | 'primary';

/** The reasons of the save playbook's "intervene" stage (DOMAIN §5). */
export type LikelyReason =
  | 'low-usage'
  | 'disengaged'
  | 'not-seeing-value'
  | 'too-expensive'
  | 'thin-relationship'
  | 'champion-left'
  | 'competitor';

export interface TaskSpec {
  kind: 'task';
  type: TaskType;
  subject: string;
  /** What the owner should do, one step a line. */
  steps: readonly string[];
  contacts: ContactChoice;
}

export interface EnrollSpec {
  kind: 'enroll';
  sequence: SequenceKind;
  contacts: ContactChoice;
}

/** A note with a brief on the company's timeline (a lifecycle play). */
export interface NoteSpec {
  kind: 'note';
  brief: 'qbr' | 'value-report';
}

export type ActionSpec = TaskSpec | EnrollSpec | NoteSpec;

/** Escalations also give the owner's manager a task; the strongest go to the manager and the
 * account executive instead of the owner, who has a task of their own from another play. */
export type Routing = 'owner' | 'owner-and-manager' | 'manager-and-account-executive';

/** One play: a data row of the rule table. */
export interface PlayRule {
  /** Stable and kebab-case: it is part of every action's idempotency key. */
  id: string;
  /** Where DOMAIN.md defines it, e.g. "§4". */
  section: string;
  title: string;
  episode: EpisodeKind;
  trigger: Trigger;
  /** Churned accounts get only their own plays (win-back); customers get all the others. */
  forChurned?: boolean;
  /** Only accounts of these segments; absent: every segment. */
  segments?: readonly Segment[];
  /** Only accounts in the model's best tier (expansion, DOMAIN §7). */
  bestTierOnly?: boolean;
  actions: readonly ActionSpec[];
  priority: Priority;
  /** Null for rules that only enrol. */
  due: Due | null;
  routing: Routing;
  /** The track its task feeds; a rule with a task and no track is a lifecycle play, whose task
   * stands alone (made once for its dated episode, never rewritten). */
  track?: TrackKind;
  /** Lifecycle plays only: what the play belongs to, for `vitals plays list`. */
  family?: LifecycleFamily;
  /**
   * Acts on the portal's first evaluation too (critical tier, unpaid payments, a renewal within
   * 30 days, a champion who left in the last 14 days); every other play only records what it
   * finds then, so installing Vitals does not bury the team in tasks about old news.
   */
  urgent?: (input: PlayInput) => boolean;
}
