import type { PlannedAction, TaskUpdateAction } from '../plays/play-types.ts';
import type { ActionStatus } from '../store/store.ts';
import { BASELINE_REASON, type PlaysContext, type PlaysEffect } from './apply-plays.ts';
import { takeDailySlot } from './daily-slot.ts';
import { enrollSkip } from './enroll-skip.ts';
import { heldBack } from './held-back.ts';
import { heldForRelease, LAPSED_REASON } from './held-for-release.ts';
import { taskUrgency } from './task-urgency.ts';
import { updateFate } from './update-fate.ts';

/**
 * One step of a dry run's plan, as the real run would take it: a task created, or held back by
 * its owner's daily cap (`heldBack`); a task update sent; an enrolment.
 */
export type PlanStep = PlannedAction & { heldBack: boolean };

export interface PlaysPreview {
  /** The run's start: held tasks whose turn has come, as releaseHeld would release them. */
  start(): Promise<PlanStep[]>;
  /** A chunk's plan as applyPlays would act on it, and what recordBaseline would record. */
  chunk(
    actions: readonly PlannedAction[],
    baselined: readonly PlannedAction[],
  ): Promise<{ steps: PlanStep[]; baselined: PlannedAction[] }>;
}

/**
 * The dry run's stand-in for the plays a real run carries out: the same decisions (urgency order,
 * each owner's daily cap counted from the ledger, what becomes of each task update) without a
 * write or a HubSpot call. What would be held back or skipped goes into `ctx.tally`, as the real
 * run reports it.
 */
export function playsPreview(ctx: PlaysContext): PlaysPreview {
  const preview: Preview = { ctx, decided: new Map() };
  return {
    start: () => start(preview),
    chunk: (actions, baselined) => chunk(preview, actions, baselined),
  };
}

interface Known {
  status: ActionStatus;
  action: PlannedAction;
}

type Lookup = (key: string) => Known | undefined;

interface Preview {
  ctx: PlaysContext;
  /** The ledger as the real run would have left it, for the keys this preview decided. */
  decided: Map<string, Known>;
}

async function start(p: Preview): Promise<PlanStep[]> {
  // A crashed run's tasks go out (or are found) first, each counted against its owner's cap.
  for (const e of await p.ctx.store.unfinishedActions(p.ctx.portal)) {
    decide(p, e.action, 'done');
    if (e.kind === 'task') await takeDailySlot(p.ctx, e.ownerId, true);
  }
  const { release, lapsed } = await heldForRelease(p.ctx);
  for (const e of lapsed) {
    decide(p, e.action, 'skipped');
    skip(p, e, LAPSED_REASON);
  }
  const actions = release.map((e) => e.action);
  return apply(p, actions, await ledger(p, actions));
}

async function chunk(
  p: Preview,
  actions: readonly PlannedAction[],
  baselined: readonly PlannedAction[],
): Promise<{ steps: PlanStep[]; baselined: PlannedAction[] }> {
  const known = await ledger(p, [...actions, ...baselined]);
  // A task this preview already held at the start is not held (and listed) a second time.
  const again = fresh(actions, known).filter((a) => p.decided.get(a.key)?.status !== 'held');
  const steps = await apply(p, again, known);
  const recorded = fresh(baselined, known);
  for (const a of recorded) {
    decide(p, a, 'skipped');
    skip(p, a, BASELINE_REASON);
  }
  return { steps, baselined: recorded };
}

/** As applyPlays: tasks within the caps, most urgent first; then updates, notes, enrolments. */
async function apply(
  p: Preview,
  actions: readonly PlannedAction[],
  known: Lookup,
): Promise<PlanStep[]> {
  const sorted = [...actions].sort((a, b) => taskUrgency(a) - taskUrgency(b));
  const steps: PlanStep[] = [];
  for (const a of sorted) {
    if (a.kind !== 'task') continue;
    const free = await takeDailySlot(p.ctx, a.ownerId);
    decide(p, a, free ? 'done' : 'held');
    if (!free) p.ctx.tally.heldBack.push(heldBack(a, p.ctx.settings, p.ctx.now));
    steps.push({ ...a, heldBack: !free });
  }
  for (const a of sorted) if (a.kind === 'task-update') steps.push(...update(p, a, known));
  // Notes are not capped: nobody has to act on them today.
  for (const a of sorted) {
    if (a.kind !== 'note') continue;
    decide(p, a, 'done');
    steps.push({ ...a, heldBack: false });
  }
  for (const a of sorted) {
    if (a.kind !== 'enroll') continue;
    const why = enrollSkip(a, p.ctx.settings);
    if (why === null) steps.push({ ...a, heldBack: false });
    else skip(p, a, why);
    decide(p, a, why === null ? 'done' : 'skipped');
  }
  return steps;
}

/** As updateTasks: sent when its task is in HubSpot, else folded, dropped or moot. */
function update(p: Preview, action: TaskUpdateAction, known: Lookup): PlanStep[] {
  const target = known(action.target);
  const fate = updateFate(action, target);
  if (fate.kind === 'send') {
    decide(p, action, 'done');
    return [{ ...action, heldBack: false }];
  }
  if (fate.kind === 'wait') return [];
  if (fate.kind === 'drop') {
    decide(p, target!.action, 'skipped');
    skip(p, target!.action, fate.targetReason);
  }
  decide(p, action, 'skipped');
  skip(p, action, fate.reason);
  return [];
}

/** What a real run records anew: keys not in the ledger, or held there (recording releases them). */
function fresh(actions: readonly PlannedAction[], known: Lookup): PlannedAction[] {
  return actions.filter((a) => [undefined, 'held'].includes(known(a.key)?.status));
}

/** The ledger entries of the companies the actions are for, each as the real run would see it. */
async function ledger(p: Preview, actions: readonly PlannedAction[]): Promise<Lookup> {
  const stored = new Map<string, Known>();
  for (const id of new Set(actions.map((a) => a.companyId)))
    for (const e of await p.ctx.store.ledgerForCompany(p.ctx.portal, id)) stored.set(e.key, e);
  return (key) => p.decided.get(key) ?? stored.get(key);
}

function decide(p: Preview, action: PlannedAction, status: ActionStatus): void {
  p.decided.set(action.key, { status, action });
}

function skip(p: Preview, action: PlaysEffect, reason: string): void {
  const { companyId, ruleId, key } = action;
  p.ctx.tally.skipped.push({ companyId, ruleId, key, reason });
}
