import type { Gateway } from '../hubspot/create-gateway.ts';
import { enrollmentSkipReason } from '../hubspot/enrollment-skip-reason.ts';
import { HubSpotError } from '../hubspot/hubspot-error.ts';
import type {
  EnrollAction,
  PlannedAction,
  PlaySettings,
  TaskAction,
  TaskUpdateAction,
} from '../plays/play-types.ts';
import { RULES } from '../plays/rules.ts';
import type { LedgerEntry, RecordedIntent, Store } from '../store/store.ts';
import { startOfDay } from './owner-day.ts';
import { taskInput, taskUpdateInput } from './task-input.ts';

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
  skipped: (PlaysEffect & { reason: string })[];
  heldBack: (PlaysEffect & { ownerId: string | null })[];
  failed: (PlaysEffect & { error: string })[];
}

export const emptyPlaysTally = (): PlaysTally => ({
  tasksCreated: [],
  tasksUpdated: [],
  tasksCompleted: [],
  enrolled: [],
  skipped: [],
  heldBack: [],
  failed: [],
});

/** The HubSpot calls plays make. */
export type PlaysGateway = Pick<
  Gateway,
  'createTasks' | 'updateTasks' | 'findTasksByMarker' | 'enrollInSequence' | 'currentEnrollment'
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
}

const effect = (e: LedgerEntry): PlaysEffect => ({
  companyId: e.companyId,
  ruleId: e.ruleId,
  key: e.key,
});

const SKIP_WORDS: Record<string, string> = {
  'no-email': 'the contact has no email address',
  'opted-out': 'the contact opted out of email',
  'already-enrolled': 'the contact is already in a sequence',
};

/**
 * Acts on freshly recorded intents (new or released): tasks within each owner's daily cap are
 * created in batches of 100, the rest held for tomorrow; enrolments go one by one.
 */
export async function applyPlays(ctx: PlaysContext, recorded: readonly RecordedIntent[]) {
  const fresh = recorded
    .filter((r) => r.outcome !== 'existing')
    .map((r) => r.entry)
    // When a cap bites, the most urgent tasks go first.
    .sort((a, b) => urgency(a) - urgency(b));
  const tasks: LedgerEntry[] = [];
  for (const entry of fresh) {
    if (entry.action.kind === 'task') {
      if (await withinCap(ctx, entry)) tasks.push(entry);
      else await hold(ctx, entry);
    }
  }
  await createTasks(ctx, tasks);
  await updateTasks(
    ctx,
    fresh.filter((e) => e.action.kind === 'task-update'),
  );
  for (const entry of fresh) if (entry.action.kind === 'enroll') await enroll(ctx, entry, false);
}

const BASELINE_REASON =
  'Already so when Vitals started watching this portal: recorded as the starting point, not acted on.';

/** The baseline's findings: in the ledger as skipped, so no later run acts on them either. */
export async function recordBaseline(ctx: PlaysContext, actions: readonly PlannedAction[]) {
  if (actions.length === 0) return;
  const recorded = await ctx.store.recordIntents(ctx.portal, actions);
  for (const r of recorded)
    if (r.outcome !== 'existing') await skipEntry(ctx, r.entry, BASELINE_REASON);
}

/** Intents a crash left behind: whatever HubSpot already has is recorded, the rest is done now. */
export async function reconcileUnfinished(ctx: PlaysContext): Promise<number> {
  const unfinished = await ctx.store.unfinishedActions(ctx.portal);
  if (unfinished.length === 0) return 0;
  const tasks = unfinished.filter((e) => e.action.kind === 'task');
  const found = await ctx.gateway.findTasksByMarker(tasks.map((e) => e.marker));
  const missing: LedgerEntry[] = [];
  for (const entry of tasks) {
    const id = found.get(entry.marker);
    if (id === undefined) missing.push(entry);
    else await ctx.store.completeAction(ctx.portal, entry.key, id);
  }
  // Already past the cap check when they were planned: created without another.
  for (const entry of missing) countForOwner(ctx, entry);
  await createTasks(ctx, missing);
  // An update is the same write however often it is sent.
  await updateTasks(
    ctx,
    unfinished.filter((e) => e.action.kind === 'task-update'),
  );
  for (const entry of unfinished)
    if (entry.action.kind === 'enroll') await enroll(ctx, entry, true);
  return unfinished.length;
}

/** Held-back tasks from an earlier day get their turn, still within today's caps. */
export async function releaseHeld(ctx: PlaysContext): Promise<void> {
  const today = startOfDay(ctx.now, ctx.settings.timeZone);
  const due = (await ctx.store.heldActions(ctx.portal)).filter((e) => e.updatedAt < today);
  if (due.length === 0) return;
  const recorded = await ctx.store.recordIntents(
    ctx.portal,
    due.map((e) => e.action),
  );
  // A condition that stopped holding while its task waited (contact made, tier recovered) no
  // longer needs the task: the last run's active rules say which still hold.
  const active = await ctx.store.activeRules(ctx.portal, [...new Set(due.map((e) => e.companyId))]);
  const release: RecordedIntent[] = [];
  for (const r of recorded) {
    const rule = RULE_EPISODES.get(r.entry.ruleId);
    const lapsed =
      r.outcome !== 'existing' &&
      rule === 'crossing' &&
      !(active.get(r.entry.companyId)?.has(r.entry.ruleId) ?? true);
    if (lapsed) await skipEntry(ctx, r.entry, 'its condition no longer held when its turn came');
    else release.push(r);
  }
  await applyPlays(ctx, release);
}

const RULE_EPISODES = new Map(RULES.map((r) => [r.id, r.episode]));
const RANK = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;

function urgency(entry: LedgerEntry): number {
  return entry.action.kind === 'task' ? RANK[entry.action.priority] : 0;
}

/**
 * Rewrites (or completes) the tasks the updates target. A target still held by a daily cap is
 * revised in the ledger instead, or dropped when its episode ended; a target never created makes
 * the update moot.
 */
async function updateTasks(ctx: PlaysContext, entries: readonly LedgerEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const sends: { entry: LedgerEntry; taskId: string; marker: string }[] = [];
  for (const entry of entries) {
    const action = entry.action as TaskUpdateAction;
    const target = await ledgerEntry(ctx, entry.companyId, action.target);
    if (target?.status === 'done' && target.hubspotId !== null) {
      sends.push({ entry, taskId: target.hubspotId, marker: target.marker });
    } else if (target?.status === 'held') {
      if (action.status === 'COMPLETED') {
        // Only an intent settles: recording the held task again makes it one (as a dismissal does).
        await ctx.store.recordIntents(ctx.portal, [target.action]);
        await skipEntry(
          ctx,
          target,
          `Its episode ended before its turn came: ${closingWords(action)}`,
        );
        await skipEntry(ctx, entry, 'its task was still waiting for its turn and was dropped');
      } else {
        const revised: TaskAction = {
          ...(target.action as TaskAction),
          subject: action.subject,
          body: action.body,
          priority: action.priority,
          dueAt: action.dueAt,
        };
        await ctx.store.reviseHeldAction(ctx.portal, target.key, revised);
        await skipEntry(ctx, entry, 'folded into its task, which still waits for its turn');
      }
    } else if (target?.status !== 'intent') {
      const why = target ? `its task was ${target.status}` : 'its task was never planned';
      await skipEntry(ctx, entry, `${why}, so there is nothing to update`);
    }
  }
  if (sends.length === 0) return;
  const result = await ctx.gateway.updateTasks(
    sends.map((s) => taskUpdateInput(s.entry.action as TaskUpdateAction, s.taskId, s.marker)),
  );
  const updated = new Set(result.updated.map((u) => u.id));
  for (const { entry, taskId } of sends) {
    if (updated.has(taskId)) {
      await ctx.store.completeAction(ctx.portal, entry.key, taskId);
      const done = (entry.action as TaskUpdateAction).status === 'COMPLETED';
      (done ? ctx.tally.tasksCompleted : ctx.tally.tasksUpdated).push(effect(entry));
      continue;
    }
    const error =
      result.errors.find((e) => e.id === taskId) ?? result.errors.find((e) => e.id === null);
    const why = error?.message ?? 'HubSpot did not update it.';
    await ctx.store.failAction(ctx.portal, entry.key, why);
    ctx.tally.failed.push({ ...effect(entry), error: why });
  }
}

async function ledgerEntry(
  ctx: PlaysContext,
  companyId: string,
  key: string,
): Promise<LedgerEntry | undefined> {
  return (await ctx.store.ledgerForCompany(ctx.portal, companyId)).find((e) => e.key === key);
}

function closingWords(action: TaskUpdateAction): string {
  const first = action.body.split('\n')[0] ?? '';
  return first.replace(/^Closed by Vitals on [0-9-]+: /, '');
}

async function withinCap(ctx: PlaysContext, entry: LedgerEntry): Promise<boolean> {
  const owner = entry.ownerId;
  if (owner === null) return true;
  if (!ctx.ownerDay.has(owner)) {
    const since = startOfDay(ctx.now, ctx.settings.timeZone);
    ctx.ownerDay.set(owner, await ctx.store.tasksCreatedForOwnerSince(ctx.portal, owner, since));
  }
  if (ctx.ownerDay.get(owner)! >= ctx.settings.dailyTaskCapPerOwner) return false;
  countForOwner(ctx, entry);
  return true;
}

function countForOwner(ctx: PlaysContext, entry: LedgerEntry): void {
  if (entry.ownerId !== null)
    ctx.ownerDay.set(entry.ownerId, (ctx.ownerDay.get(entry.ownerId) ?? 0) + 1);
}

async function hold(ctx: PlaysContext, entry: LedgerEntry): Promise<void> {
  const cap = ctx.settings.dailyTaskCapPerOwner;
  await ctx.store.holdAction(
    ctx.portal,
    entry.key,
    `Owner ${entry.ownerId} already has ${cap} new tasks today (plays.dailyTaskCapPerOwner); released tomorrow.`,
  );
  ctx.tally.heldBack.push({ ...effect(entry), ownerId: entry.ownerId });
}

async function createTasks(ctx: PlaysContext, entries: readonly LedgerEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const byMarker = new Map(entries.map((e) => [e.marker, e]));
  // A throw here (5xx, network) leaves the intents: the next run finds them by marker.
  const result = await ctx.gateway.createTasks(
    entries.map((e) => taskInput(e.action as TaskAction, e.marker)),
  );
  for (const task of result.created) {
    const entry = (task.traceId && byKey.get(task.traceId)) || markedIn(task.body, byMarker);
    if (!entry || !byKey.has(entry.key)) continue;
    byKey.delete(entry.key);
    await ctx.store.completeAction(ctx.portal, entry.key, task.id);
    ctx.tally.tasksCreated.push(effect(entry));
  }
  // HubSpot's 207 errors do not say which input failed: what was not created failed.
  const why = result.errors.map((e) => e.message).join(' ') || 'HubSpot did not create it.';
  for (const entry of byKey.values()) {
    await ctx.store.failAction(ctx.portal, entry.key, why);
    ctx.tally.failed.push({ ...effect(entry), error: why });
  }
}

/**
 * `recovering`: a crash may have come after HubSpot enrolled the contact, so look first. A fresh
 * enrolment goes straight in: HubSpot refuses a contact already in a sequence, which costs one
 * call instead of two.
 */
async function enroll(ctx: PlaysContext, entry: LedgerEntry, recovering: boolean): Promise<void> {
  const action = entry.action as EnrollAction;
  const { userId, email } = ctx.settings.sender;
  const skip =
    action.skip ??
    (action.sequenceId === null ? 'no sequence is configured for this play' : null) ??
    (userId === null || email === null
      ? 'no sending user is configured (plays.sender.userId and plays.sender.email)'
      : null);
  if (skip !== null) return skipEntry(ctx, entry, skip);
  const current = recovering ? await ctx.gateway.currentEnrollment(action.contactId) : null;
  if (current) {
    // The same sequence means our own earlier call went through before a crash.
    if (current.sequenceId === action.sequenceId) {
      await ctx.store.completeAction(ctx.portal, entry.key, current.id);
      return;
    }
    const name = current.sequenceName ? ` ("${current.sequenceName}")` : '';
    return skipEntry(ctx, entry, `the contact is already in another sequence${name}`);
  }
  try {
    const enrollment = await ctx.gateway.enrollInSequence({
      contactId: action.contactId,
      sequenceId: action.sequenceId!,
      senderEmail: email!,
      userId: userId!,
    });
    await ctx.store.completeAction(ctx.portal, entry.key, enrollment.id);
    ctx.tally.enrolled.push(effect(entry));
  } catch (error) {
    const reason = enrollmentSkipReason(error);
    if (reason === null) throw error;
    if (reason === 'other') {
      const message = error instanceof HubSpotError ? error.message : String(error);
      await ctx.store.failAction(ctx.portal, entry.key, message);
      ctx.tally.failed.push({ ...effect(entry), error: message });
      return;
    }
    await skipEntry(ctx, entry, SKIP_WORDS[reason]!);
  }
}

async function skipEntry(ctx: PlaysContext, entry: LedgerEntry, reason: string): Promise<void> {
  await ctx.store.skipAction(ctx.portal, entry.key, reason);
  ctx.tally.skipped.push({ ...effect(entry), reason });
}

function markedIn(
  body: string | null,
  byMarker: ReadonlyMap<string, LedgerEntry>,
): LedgerEntry | undefined {
  const marker = body?.match(/Ref: (vt[0-9a-f]+)/)?.[1];
  return marker === undefined ? undefined : byMarker.get(marker);
}
