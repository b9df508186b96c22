// Jobs, server and webhooks see only this interface, so a PostgreSQL implementation can replace
// SQLite. Every method returns a Promise because a networked database cannot answer
// synchronously. Times are ISO-8601 UTC strings; the store normalises them on write.

import type {
  ExpansionSignal,
  OpenTracks,
  PlannedAction,
  SignalReadings,
  TaskAction,
  TrackState,
} from '../plays/play-types.ts';

/** One scoring of one company, appended to the history. */
export interface ScoreRecord {
  /** The HubSpot portal id, or "sandbox" for the embedded demo portal. */
  portal: string;
  companyId: string;
  scoredAt: string;
  /** 0–100, or null when the company had no data at all. */
  score: number | null;
  tier: string;
  /** 0–100: the share of the model's weight that had data. */
  coverage: number;
  /** Score per dimension key; null for a dimension without data. */
  dimensions: Record<string, number | null>;
  model: { name: string; version: string };
  topDrivers: string;
}

/** The part of a company's card the reports read, saved with the card. Opaque to the store. */
export interface CardDigest {
  /** What every report reads: score, tier, plays. */
  main: unknown;
  /** What only some read (the top drivers), apart so the others never parse it. */
  drivers: unknown;
}

/** What the app last wrote to a company in HubSpot; "write only what changed" diffs against it. */
export interface CompanyState {
  portal: string;
  companyId: string;
  /** The health properties exactly as last written (HubSpot property values are strings). */
  properties: Record<string, string>;
  /** When a run last scored this company, whether or not it wrote anything. */
  checkedAt: string;
  /** What the health card shows (score, explanation, plays), as the last run saw it. Opaque to
   * the store: the server checks its shape when it reads it. Kept when a write leaves it out. */
  card?: unknown;
  /** The part of the card the reports read, saved with it; kept, and dropped, with the card. */
  digest?: CardDigest;
}

export type RunKind = 'full';
export type RunSource = 'sandbox' | 'hubspot';
export type RunStatus = 'running' | 'completed' | 'failed' | 'stopped';

/** Totals for a whole run so far (not one page's increments, so saving them twice is harmless). */
export interface RunProgress {
  /** HubSpot's `after` for the next page; null before the first (pagesDone 0) and after last. */
  cursor: string | null;
  pagesDone: number;
  companies: number;
  scored: number;
  unchanged: number;
  updated: number;
  /** API calls by endpoint. */
  apiCalls: Record<string, number>;
  /** Accounts and MRR per tier and the biggest movers so far, so a resumed run reports them
   * for the whole portal and not only the pages it read itself. */
  portfolio?: PortfolioSnapshot;
}

export interface PortfolioSnapshot {
  tiers: Record<string, { accounts: number; mrr: number }>;
  up: { id: string; name: string | null; from: number; to: number }[];
  down: { id: string; name: string | null; from: number; to: number }[];
}

export interface RunRecord {
  id: string;
  portal: string;
  kind: RunKind;
  source: RunSource;
  dryRun: boolean;
  status: RunStatus;
  startedAt: string;
  /** Last progress save: an old value on a 'running' run means its process died. */
  updatedAt: string;
  /** The model that scored it, "name version"; null for runs from before Vitals kept it. */
  model: string | null;
  finishedAt: string | null;
  error: string | null;
  progress: RunProgress;
}

export interface StartRun {
  portal: string;
  kind: RunKind;
  source: RunSource;
  dryRun: boolean;
  /** The model that scores the run, "name version"; kept with it (not a filter when resuming). */
  model?: string;
}

/**
 * What a run last read of a company besides its score (the plays' AccountFacts): the reports'
 * list of accounts, so they answer from the store without asking HubSpot.
 */
export interface AccountFactsRecord {
  portal: string;
  companyId: string;
  name: string | null;
  ownerId: string | null;
  /** As HubSpot says (enterprise, mid_market, smb, trial); null when unknown. */
  segment: string | null;
  mrr: number | null;
  /** YYYY-MM-DD. */
  renewalDate: string | null;
  churnedAt: string | null;
  customerSince: string | null;
  /** Each growth signal a property reported, and when it last did. */
  expansionSeen: Partial<Record<ExpansionSignal, string>>;
  /** When the run read them. */
  updatedAt: string;
}

/** A company's MRR from `at` on, until its next change. */
export interface MrrReading {
  at: string;
  mrr: number;
}

export interface MrrChange extends MrrReading {
  portal: string;
  companyId: string;
}

/**
 * A contact's NPS answer as a run read it on one of its companies: the reports' NPS. Runs see
 * only each contact's latest answer, so the store keeps every answer it has seen.
 */
export interface NpsAnswerRecord {
  portal: string;
  companyId: string;
  contactId: string;
  /** 0–10. */
  score: number;
  /** When it was given (the survey date). */
  at: string;
}

/** What `reportAccounts` reads besides the facts. */
export interface ReportRead {
  /** The cards' digests. */
  cards: boolean;
  /** With the cards, their drivers too. */
  drivers: boolean;
  /** Weekly scores over this many weeks up to `until` (0: none), as `weeklyScores` gives them. */
  weeks: number;
  until: string;
  /** The tracks open after each company's last evaluation. */
  tracks: boolean;
}

export interface ReportAccount {
  facts: AccountFactsRecord;
  /**
   * The card's digest: `main` (and `drivers` when asked; else null); for a card an older Vitals
   * saved without one, the card itself as `main`. Null without a card or when not asked.
   */
  card: CardDigest | null;
  weekly: WeeklyScore[];
  /** Absent when not asked or never evaluated. */
  tracks?: OpenTracks;
}

/**
 * A company's score at the end of one week (the latest history row at or before `at`). Companies
 * with the same score that week share one object: never change it.
 */
export interface WeeklyScore {
  at: string;
  score: number | null;
}

/** What a run scored one company from, kept one per company and month for backtests. */
export interface SignalSnapshot {
  portal: string;
  companyId: string;
  /** The UTC month of the reading, 'YYYY-MM'. */
  month: string;
  /** When it was read (ISO instant); the latest of the month replaces an earlier one. */
  takenAt: string;
  segment: string | null;
  /** Signal key → value (number, enum word, or null); as the scoring engine takes them. */
  signals: Record<string, number | string | null>;
  modifiers: Record<string, number | null>;
}

/** What `snapshotMonths` answers: the months a portal's snapshots span, and how many there are. */
export interface SnapshotSpan {
  /** The earliest and latest month ('YYYY-MM'); null when the portal has none. */
  first: string | null;
  last: string | null;
  /** Companies with at least one snapshot. */
  companies: number;
  rows: number;
}

/** Everything one page produced, committed in one transaction so a kill never half-writes it. */
export interface PageCommit {
  runId: string;
  progress: RunProgress;
  scores: readonly ScoreRecord[];
  states: readonly CompanyState[];
  /** The facts the page read, upserted. */
  facts?: readonly AccountFactsRecord[];
  /** MRR that changed since each company's last row (its first row is its starting point). */
  mrr?: readonly MrrChange[];
  /** The NPS answers the page's contacts hold; those already kept change nothing. */
  nps?: readonly NpsAnswerRecord[];
  /** What each company was scored from, as this month's snapshot (see putSignalSnapshots). */
  snapshots?: readonly SignalSnapshot[];
  /**
   * Commit only while this lease is still the holder's; otherwise nothing is written and the
   * commit fails with StoreError 'lease-lost'. The run's page, its cursor above all, is fenced so.
   */
  lease?: LeaseClaim;
}

export interface RunOutcome {
  status: Exclude<RunStatus, 'running'>;
  error?: string | null;
  /** Final totals, when calls made after the last page should count. */
  progress?: RunProgress;
}

export type ActionKind = PlannedAction['kind'];

/**
 * 'plays': every play's first evaluation on the portal. 'lifecycle': the lifecycle plays', which
 * came later: a portal that already ran plays records what they find once, as a new install does,
 * instead of acting on every account at once.
 */
export type PlaysBaselineScope = 'plays' | 'lifecycle';

/**
 * intent: recorded before the HubSpot call; uncertain: the call got no clear answer (a 5xx, a
 * dropped connection), so HubSpot may have acted: a run looks before acting again; done: HubSpot
 * has it; skipped: deliberately not done; held: a daily cap held it back, to be released later;
 * failed: HubSpot refused it.
 */
export type ActionStatus = 'intent' | 'uncertain' | 'done' | 'skipped' | 'held' | 'failed';

/** One planned action in the ledger. Its key is the idempotency key: one entry per portal. */
export interface LedgerEntry {
  portal: string;
  key: string;
  companyId: string;
  ruleId: string;
  episode: string;
  kind: ActionKind;
  /** The task's owner; null for enrolments, property writes and unassigned tasks. */
  ownerId: string | null;
  status: ActionStatus;
  /** A token made from the key, written into the task so a crashed run can find it in HubSpot. */
  marker: string;
  /** The action as planned, so held-back work is released exactly as it was planned. */
  action: PlannedAction;
  /** The task's or enrolment's id in HubSpot, once done. */
  hubspotId: string | null;
  /** Why it was skipped or held, or the error it failed with. */
  detail: string | null;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
}

/**
 * What recording an intent did. new: written now; released: it was held and is an intent again,
 * with the payload given now; existing: left as it was. Act on new and released entries only.
 */
export interface RecordedIntent {
  outcome: 'new' | 'released' | 'existing';
  entry: LedgerEntry;
}

/** The crossing rules whose condition held when a company was last evaluated. */
export interface ActiveRules {
  companyId: string;
  ruleIds: readonly string[];
  evaluatedAt: string;
  /** The tracks open after the evaluation; absent: saved as none. */
  tracks?: OpenTracks;
  /** The change signals' weekly readings; absent: saved as none. */
  readings?: SignalReadings;
  /**
   * The saved evaluation this one started from (playsEvaluatedAt's value; null: none was saved).
   * When given, commitPlays drops this company, its intents and its state alike, if another
   * evaluation was saved since: two evaluations of one company at once (a webhook rescore beside
   * a run, or two replicas) would otherwise each open their own episode and make two tasks.
   */
  basedOn?: string | null;
}

/**
 * One of Vitals' own open tasks found in HubSpot when the store had no record of it (the store was
 * lost or replaced): it becomes its track's task again.
 */
export interface TrackAdoption {
  companyId: string;
  /** The open track the task belongs to, as the company's play state will hold it. */
  track: TrackState;
  /** The owner's task and, if there is one, the manager's copy, each with its HubSpot id. */
  tasks: readonly { action: TaskAction; hubspotId: string; createdAt: string }[];
}

/** What one evaluation of plays decided, saved in one transaction. */
export interface PlaysCommit {
  portal: string;
  intents: readonly PlannedAction[];
  active: readonly ActiveRules[];
  /** Commit only while this lease is still the holder's (see PageCommit.lease). */
  lease?: LeaseClaim;
}

/**
 * A lease a write depends on. A process stalled past its lease (a long pause, a frozen VM) may
 * wake after another took the scheduled run over; its writes must then fail, not land on top of
 * the new holder's. Held means the row still names the holder: a lapsed lease nobody took is
 * still its holder's, as renewLease treats it.
 */
export interface LeaseClaim {
  name: string;
  holder: string;
}

/** Who takes due events from the inbox, and until when no one else may. */
export interface InboxClaim {
  holder: string;
  until: string;
}

/** A webhook event's life in the inbox: received → processed | ignored | failed → dead. */
export const INBOX_STATES = ['received', 'processed', 'ignored', 'failed', 'dead'] as const;
export type InboxState = (typeof INBOX_STATES)[number];

/** One HubSpot webhook event as the intake stores it, before any processing. */
export interface InboxEventInput {
  eventId: string;
  subscriptionType: string;
  /** The object the event is about (a company or contact id), as text. */
  objectId: string;
  /** When it happened in HubSpot (ISO). */
  occurredAt: string;
  /** 'received' to be processed; 'ignored' for a subscription type Vitals does not handle. */
  state: 'received' | 'ignored';
  /** The event exactly as HubSpot sent it. */
  payload: unknown;
}

export interface InboxEvent extends Omit<InboxEventInput, 'state'> {
  portal: string;
  state: InboxState;
  attempts: number;
  /** The last failure's message. */
  error: string | null;
  receivedAt: string;
  /** When a failed event may be tried again; null otherwise. */
  nextAttemptAt: string | null;
  updatedAt: string;
}

export type StoreBackend = 'sqlite' | 'postgresql';

/** Calls to HubSpot counted across every process sharing the store. */
export interface SharedRateBudget {
  /**
   * Counts one call under `name` at `now` (epoch ms) when fewer than `limitPer10s` were counted
   * in the 10 seconds up to it, and answers true; false when the budget is spent: try again in a
   * second.
   */
  take(name: string, now: number, limitPer10s: number): Promise<boolean>;
}

export type StoreHealth =
  | {
      ok: true;
      backend: StoreBackend;
      /** The database's own version: SQLite's library, or the PostgreSQL server's. */
      version: string;
      location: string;
      schemaVersion: number;
    }
  | { ok: false; backend: StoreBackend; location: string; error: string };

export interface Store {
  appendScores(rows: readonly ScoreRecord[]): Promise<void>;
  /** The newest record of each company that has one, keyed by company id: one query per page. */
  latestScores(portal: string, companyIds: readonly string[]): Promise<Map<string, ScoreRecord>>;
  /** Per company, the newest record scored at or before `at` (the 7-day change asks now − 7d). */
  scoresAtOrBefore(
    portal: string,
    companyIds: readonly string[],
    at: string,
  ): Promise<Map<string, ScoreRecord>>;
  /** One company's records of the last `days` days, oldest first. */
  scoreHistory(portal: string, companyId: string, days: number): Promise<ScoreRecord[]>;

  companyStates(portal: string, companyIds: readonly string[]): Promise<Map<string, CompanyState>>;
  putCompanyStates(rows: readonly CompanyState[]): Promise<void>;

  /**
   * Per scored company, its score at the end of each of the last `weeks` weeks up to `until`
   * (ends `until` − k × 7 days), oldest first. Weeks before its first reading are left out, and
   * so is a week whose score is the week before's (that point still holds). Read for the whole
   * portal at once: 100,000 companies × 13 weeks in well under a second.
   */
  weeklyScores(portal: string, weeks: number, until: string): Promise<Map<string, WeeklyScore[]>>;

  /** Upserts each company's facts, unless a later read of it is already saved. */
  putAccountFacts(rows: readonly AccountFactsRecord[]): Promise<void>;
  /** Every company of the portal a run has read, by company id. */
  accountFacts(portal: string): Promise<AccountFactsRecord[]>;
  /**
   * Each contact's latest NPS answer given at or before `until`, once per company it was read on.
   */
  npsAnswers(portal: string, until: string): Promise<NpsAnswerRecord[]>;
  /** Appends MRR changes; a second change of a company at the same instant replaces the first. */
  appendMrr(rows: readonly MrrChange[]): Promise<void>;
  /** Each company's newest MRR row, keyed by company id. */
  latestMrr(portal: string, companyIds: readonly string[]): Promise<Map<string, MrrReading>>;
  /**
   * Each company's MRR rows, oldest first. With a period, only what it takes to know each
   * company's MRR within it: its first row (where its record begins), and the rows from the one
   * in force at `from` (or, when that is 0, the last one it paid) to `to`.
   */
  mrrHistory(
    portal: string,
    period?: { from: string; to: string },
  ): Promise<Map<string, MrrReading[]>>;
  /**
   * Every company a run has read, with what the reports read of it, in one pass over the book,
   * each turned by `map` as soon as it is read (so what is not kept of it never outlives it);
   * the results come in company order.
   */
  reportAccounts<T>(
    portal: string,
    read: ReportRead,
    map: (account: ReportAccount) => T,
  ): Promise<T[]>;
  /**
   * Upserts each company's snapshot of its month. An earlier reading never replaces a later one,
   * so a replayed or resumed page cannot roll a month back.
   */
  putSignalSnapshots(rows: readonly SignalSnapshot[]): Promise<void>;
  /**
   * The portal's snapshots in pages of a few thousand, by company then month, the months from
   * `from` to `to` ('YYYY-MM', both included). Streamed: a book of millions of rows is never in
   * memory at once, and no connection is held between pages.
   */
  signalSnapshots(
    portal: string,
    range?: { from?: string; to?: string },
  ): AsyncIterable<SignalSnapshot[]>;
  /** The months the portal's snapshots span, and how many companies and rows they hold. */
  snapshotMonths(portal: string): Promise<SnapshotSpan>;
  /** Replaces the portal's precomputed home-page view (opaque JSON). */
  putPortfolioView(portal: string, view: unknown, at: string): Promise<void>;
  /** The portal's precomputed home-page view and when it was computed; null before the first. */
  portfolioView(portal: string): Promise<{ view: unknown; computedAt: string } | null>;

  startRun(run: StartRun): Promise<RunRecord>;
  /**
   * Appends the scores, upserts the states, facts and signal snapshots, records the MRR changes
   * and saves the run's progress, all or nothing.
   */
  commitPage(page: PageCommit): Promise<void>;
  finishRun(runId: string, outcome: RunOutcome): Promise<RunRecord>;
  /** The newest run of this portal, kind and mode unless it completed; ask holding the lease. */
  findResumableRun(filter: StartRun): Promise<RunRecord | null>;
  /** Marks a stopped, failed or orphaned run as running again so its cursor and totals carry on. */
  resumeRun(runId: string): Promise<RunRecord>;
  /** Newest first. */
  listRuns(filter?: { portal?: string; limit?: number }): Promise<RunRecord[]>;

  /** True when the lease was free, expired, or already this holder's; it then lasts `ttlMs`. */
  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** False when this holder no longer has the lease (released or taken over): stop working. */
  renewLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<boolean>;
  /** Who holds the lease now (expired or not), or null when nobody does. */
  leaseHolder(name: string): Promise<{ holder: string; expiresAt: string } | null>;

  /** Records planned actions before acting on them, all or nothing, in the order given. */
  recordIntents(portal: string, actions: readonly PlannedAction[]): Promise<RecordedIntent[]>;
  /**
   * Records the intents and saves the active rules in one transaction, so a crash never leaves a
   * crossing saved as active without the actions it planned.
   */
  commitPlays(commit: PlaysCommit): Promise<RecordedIntent[]>;
  /** intent → done. Repeating it with the same id is harmless; any other change throws. */
  completeAction(portal: string, key: string, hubspotId: string): Promise<LedgerEntry>;
  /** intent → skipped (e.g. the contact has no email). */
  skipAction(portal: string, key: string, reason: string): Promise<LedgerEntry>;
  /** intent → failed, for a definite refusal; when HubSpot may have acted, mark it uncertain. */
  failAction(portal: string, key: string, error: string): Promise<LedgerEntry>;
  /**
   * intent → uncertain: the call got no clear answer. Again on an uncertain entry (sent once more,
   * no answer again) it moves updatedAt, the time the last try was sent.
   */
  markUncertain(portal: string, key: string, why: string): Promise<LedgerEntry>;
  /** intent → held by a daily cap; recording the same action again releases it. */
  holdAction(portal: string, key: string, reason: string): Promise<LedgerEntry>;
  /**
   * Intents left by a crash and uncertain actions, oldest first: find them in HubSpot (by marker,
   * by current enrolment) before acting anew.
   */
  unfinishedActions(portal: string): Promise<LedgerEntry[]>;
  /** Actions a daily cap held back, oldest first. */
  heldActions(portal: string): Promise<LedgerEntry[]>;
  /** Tasks done for the owner at or after `since` (the start of the owner's day). */
  tasksCreatedForOwnerSince(portal: string, ownerId: string, since: string): Promise<number>;
  /** Tasks done in the whole portal at or after `since`, whoever they went to. */
  tasksCreatedSince(portal: string, since: string): Promise<number>;
  /** Every ledger entry of the company, newest first. */
  ledgerForCompany(portal: string, companyId: string): Promise<LedgerEntry[]>;
  /** Which of these keys the ledger holds already, whatever their status. */
  ledgerHas(portal: string, keys: readonly string[]): Promise<Set<string>>;
  /** The tasks of these rules made for these companies and not completed by Vitals since. */
  openLifecycleTasks(
    portal: string,
    companyIds: readonly string[],
    ruleIds: readonly string[],
  ): Promise<Map<string, TaskAction[]>>;
  /** Every ledger entry of the portal by company id, each company's newest first. */
  ledgerByCompany(portal: string): Promise<Map<string, LedgerEntry[]>>;

  /** Per evaluated company, the rules active at its last evaluation; never-evaluated are absent. */
  activeRules(portal: string, companyIds: readonly string[]): Promise<Map<string, Set<string>>>;
  /** Per evaluated company, when its saved evaluation was made (ActiveRules.basedOn reads it). */
  playsEvaluatedAt(portal: string, companyIds: readonly string[]): Promise<Map<string, string>>;
  /** Saves each company's active rules, unless a later evaluation is already saved. */
  putActiveRules(portal: string, rows: readonly ActiveRules[]): Promise<void>;
  /** Per evaluated company, the tracks open after its last evaluation. */
  openTracks(portal: string, companyIds: readonly string[]): Promise<Map<string, OpenTracks>>;
  /** Per evaluated company, the weekly readings of the change signals. */
  signalReadings(
    portal: string,
    companyIds: readonly string[],
  ): Promise<Map<string, SignalReadings>>;
  /**
   * When the portal's first evaluation with plays (the baseline) finished; null before. `scope`
   * names a later family of plays with a baseline of its own (see PlaysBaselineScope).
   */
  playsBaselineAt(portal: string, scope?: PlaysBaselineScope): Promise<string | null>;
  /** Records that the baseline finished; the first time counts. */
  markPlaysBaseline(portal: string, at: string, scope?: PlaysBaselineScope): Promise<void>;
  /**
   * Makes each found task its track's task again, in one transaction: a done ledger entry per
   * task, and the track in the company's play state. An adoption whose track is open already, or
   * whose task the ledger knows, is left out. Records that adoption ran (`at`). Answers how many
   * tasks were adopted.
   */
  adoptTracks(portal: string, adoptions: readonly TrackAdoption[], at: string): Promise<number>;
  /** When Vitals last adopted the portal's open tasks from HubSpot; null if it never did. */
  playsAdoptedAt(portal: string): Promise<string | null>;
  /** Replaces what a held action will do when released (a later trigger rewrote its task). */
  reviseHeldAction(portal: string, key: string, action: PlannedAction): Promise<void>;

  /**
   * Stores webhook events in one transaction, one row per eventId: an event already there (a
   * redelivery) is left as it is. Answers how many were new.
   */
  receiveEvents(
    portal: string,
    events: readonly InboxEventInput[],
  ): Promise<{ stored: number; duplicates: number }>;
  /**
   * Events due for processing: received, or failed with nextAttemptAt ≤ `now`; oldest first. With
   * a claim, only those no one else's claim holds at `now`, and each is then claimed for the
   * caller until `claim.until`: several processes draining one inbox never take the same event
   * at once, and a dead process's events are taken again once its claims lapse. Settling,
   * failing or retrying an event ends its claim.
   */
  pendingEvents(
    portal: string,
    now: string,
    limit: number,
    claim?: InboxClaim,
  ): Promise<InboxEvent[]>;
  /** received/failed → processed or ignored. */
  settleEvents(
    portal: string,
    eventIds: readonly string[],
    state: 'processed' | 'ignored',
  ): Promise<void>;
  /** One more failed attempt: failed until `nextAttemptAt`, or dead when it is null. */
  failEvents(
    portal: string,
    eventIds: readonly string[],
    error: string,
    nextAttemptAt: string | null,
  ): Promise<void>;
  inboxCounts(portal: string): Promise<Record<InboxState, number>>;
  /** Newest first; `state` filters. */
  listInbox(portal: string, filter?: { state?: InboxState; limit?: number }): Promise<InboxEvent[]>;
  /** Failed or dead events (these ids, or every dead one) back to received; how many moved. */
  retryEvents(portal: string, which: readonly string[] | 'dead'): Promise<number>;
  /** Who holds claims on unsettled events at `now`, each once. */
  inboxClaimHolders(portal: string, now: string): Promise<string[]>;
  /** Ends every claim `holder` has (a process known to be dead); how many events it held. */
  releaseInboxClaims(portal: string, holder: string): Promise<number>;

  /**
   * HubSpot merged `mergedIds` into `survivorId`: their history and ledger follow the survivor,
   * their saved state, card, facts and plays state go (the survivor is rescored as one account).
   * Their MRR history stays their own: two MRR records cannot be told apart once mixed.
   */
  mergeCompanies(portal: string, mergedIds: readonly string[], survivorId: string): Promise<void>;
  /**
   * A company deleted in HubSpot at `deletedAt`: its saved state, card, facts and plays state go
   * unless a later evaluation (a restore that arrived first) saved them. History, MRR history and
   * ledger stay.
   */
  forgetCompany(portal: string, companyId: string, deletedAt: string): Promise<void>;

  /**
   * A contact deleted from HubSpot for privacy: its id leaves the ledger's planned actions, and
   * reasons that may name it are replaced; the entries stay; its NPS answers go. Answers how many
   * ledger entries changed.
   */
  forgetContact(portal: string, contactId: string): Promise<number>;

  /**
   * The rate budget processes on this store share; null when the store serves one process only
   * (SQLite), whose gateway's own limiter is the whole budget.
   */
  rateBudget(): SharedRateBudget | null;

  /** For doctor and /healthz: never throws. */
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
