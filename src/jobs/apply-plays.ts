import type { Gateway } from '../hubspot/create-gateway.ts';
import type { PlannedAction, PlaySettings } from '../plays/play-types.ts';
import type { LeaseClaim, LedgerEntry, RecordedIntent, Store } from '../store/store.ts';
import { createNoteEntries } from './create-note-entries.ts';
import { createTaskEntries } from './create-task-entries.ts';
import { takeDailySlot } from './daily-slot.ts';
import { enrollEntry } from './enroll-entry.ts';
import { heldBack, type HeldBack } from './held-back.ts';
import { skipEntry } from './skip-entry.ts';
import { taskUrgency } from './task-urgency.ts';
import { updateTasks } from './update-tasks.ts';

export interface PlaysEffect {
  companyId: string;
  ruleId: string;
  key: string;
}

/** What a run's plays did to people: counted for the summary. */
export interface PlaysTally {
  tasksCreated: PlaysEffect[];
  /** Open tasks rewritten by a new trigger of their track. */
  tasksUpdated: PlaysEffect[];
  /** Tasks completed because their episode ended (the account recovered, the renewal passed). */
  tasksCompleted: PlaysEffect[];
  enrolled: PlaysEffect[];
  /** Notes written on company timelines (QBR briefs, value reports). */
  notesWritten: PlaysEffect[];
  skipped: (PlaysEffect & { reason: string })[];
  heldBack: HeldBack[];
  /** Lifecycle tasks the portal's daily budget left for a later day: not recorded. */
  waiting: (PlaysEffect & { reason: string })[];
  failed: (PlaysEffect & { error: string })[];
  /** Creates and enrolments HubSpot gave no clear answer to (a 5xx): looked for later. */
  uncertain: PlaysEffect[];
  /** Enrolments HubSpot already had when the store did not know them: recorded, not made again. */
  adopted: PlaysEffect[];
}

export const emptyPlaysTally = (): PlaysTally => ({
  tasksCreated: [],
  tasksUpdated: [],
  tasksCompleted: [],
  enrolled: [],
  notesWritten: [],
  skipped: [],
  heldBack: [],
  waiting: [],
  failed: [],
  uncertain: [],
  adopted: [],
});

/** The HubSpot calls plays make. */
export type PlaysGateway = Pick<
  Gateway,
  | 'createTasks'
  | 'updateTasks'
  | 'findTasksByMarker'
  | 'enrollInSequence'
  | 'currentEnrollment'
  | 'createNotes'
  | 'findNotesByMarker'
>;

export interface PlaysContext {
  gateway: PlaysGateway;
  store: Store;
  portal: string;
  settings: PlaySettings;
  now: Date;
  tally: PlaysTally;
  /** Tasks per owner today, this run's included: read from the ledger once per owner. */
  ownerDay: Map<string, number>;
  /**
   * How long HubSpot's search may take to show a new task (plays.settleAfterSeconds): an action
   * younger than this is never concluded "not made". Absent: 0.
   */
  settleAfterMs?: number;
  /** The time now, read afresh (`now` is the run's start); absent: the system clock. */
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /**
   * The store does not know what HubSpot holds (a new or rebuilt store): look up each contact's
   * current enrolment before enrolling it, and adopt the enrolment HubSpot already has.
   */
  lookBeforeEnrolling?: boolean;
  /** The run's lease: its plays commit only while this process still holds it. */
  lease?: LeaseClaim;
}

/**
 * Acts on freshly recorded intents (new or released): tasks within each owner's daily cap are
 * created in batches of 100, the rest held for tomorrow; then task updates; notes (no cap: nobody
 * has to act on them today) in batches of 100; enrolments go one by one.
 */
export async function applyPlays(ctx: PlaysContext, recorded: readonly RecordedIntent[]) {
  const fresh = recorded
    .filter((r) => r.outcome !== 'existing')
    .map((r) => r.entry)
    // When a cap bites, the most urgent tasks go first.
    .sort((a, b) => taskUrgency(a.action) - taskUrgency(b.action));
  const tasks: LedgerEntry[] = [];
  for (const entry of fresh) {
    if (entry.kind !== 'task') continue;
    if (await takeDailySlot(ctx, entry.ownerId)) tasks.push(entry);
    else await hold(ctx, entry);
  }
  await createTaskEntries(ctx, tasks);
  await updateTasks(
    ctx,
    fresh.filter((e) => e.kind === 'task-update'),
  );
  await createNoteEntries(
    ctx,
    fresh.filter((e) => e.kind === 'note'),
  );
  const look = ctx.lookBeforeEnrolling ? 'adopt' : 'send';
  for (const entry of fresh) if (entry.kind === 'enroll') await enrollEntry(ctx, entry, look);
}

export const BASELINE_REASON =
  'Already so when Vitals started watching this portal: recorded as the starting point, not acted on.';

/**
 * The baseline's findings: in the ledger as skipped, so no later run acts on them either.
 * Returns those recorded now (not already in the ledger).
 */
export async function recordBaseline(
  ctx: PlaysContext,
  actions: readonly PlannedAction[],
): Promise<PlannedAction[]> {
  if (actions.length === 0) return [];
  const recorded = await ctx.store.recordIntents(ctx.portal, actions);
  const fresh = recorded.filter((r) => r.outcome !== 'existing').map((r) => r.entry);
  for (const entry of fresh) await skipEntry(ctx, entry, BASELINE_REASON);
  return fresh.map((e) => e.action);
}

async function hold(ctx: PlaysContext, entry: LedgerEntry): Promise<void> {
  const held = heldBack(entry, ctx.settings, ctx.now);
  await ctx.store.holdAction(ctx.portal, entry.key, held.reason);
  // Released at the run's start and planned again by the pass, a task may be held twice a run.
  if (!ctx.tally.heldBack.some((h) => h.key === held.key)) ctx.tally.heldBack.push(held);
}
