import { chooseContacts } from './choose-contacts.ts';
import type {
  PlannedAction,
  PlayInput,
  TaskAction,
  TaskUpdateAction,
  TrackKind,
  TrackState,
  TrackTrigger,
} from './play-types.ts';
import { managerOf, routeOwner } from './route-owner.ts';
import { ruleById } from './rule-index.ts';
import { managerNote } from './manager-note.ts';
import { trackBody, trackSpec } from './track-body.ts';
import { TRACK_PLAY } from './track-ids.ts';
import { leadTrigger, liveTriggers } from './track-trigger.ts';

/** The ledger key of a track's task: one per account, track and episode. */
export function trackTaskKey(state: TrackState, companyId: string): string {
  return `${companyId}:${TRACK_PLAY[state.kind].id}:${state.episode}`;
}

/**
 * What the new triggers do to the track's task: the first live one creates it (and the manager's
 * copy when a trigger escalates), later ones rewrite it, reopened, with the new priority and due
 * time. Baseline triggers alone do nothing.
 */
export function trackTaskActions(
  state: TrackState,
  added: readonly TrackTrigger[],
  input: PlayInput,
): { actions: PlannedAction[]; state: TrackState } {
  const live = added.filter((t) => !t.baseline);
  if (live.length === 0 || state.dueAt === null) return { actions: [], state };
  state = { ...state, taskAt: state.taskAt ?? input.now.toISOString() };
  const owner = routeOwner(input.account, input.settings);
  const manager = escalates(state) ? managerOf(owner.ownerId, input.settings) : null;
  const task = ownerTask(state, input);
  const actions: PlannedAction[] = [];
  if (!state.task) actions.push(task);
  else
    actions.push(
      update(
        task,
        task.key,
        `${task.key}:update:${live[0]!.ruleId}:${live[0]!.episode}`,
        'NOT_STARTED',
      ),
    );
  const managerKey = `${task.key}:manager`;
  const copy = manager === null ? null : managerCopy(task, manager, owner.ownerId!);
  if (copy && !state.manager) actions.push(copy);
  else if (copy && state.task)
    actions.push(
      update(
        copy,
        managerKey,
        `${managerKey}:update:${live[0]!.ruleId}:${live[0]!.episode}`,
        'NOT_STARTED',
      ),
    );
  const taskAt = state.taskAt ?? input.now.toISOString();
  return {
    actions,
    state: { ...state, task: true, taskAt, manager: state.manager || copy !== null },
  };
}

/** The episode is over: its task (and the manager's copy) completed, saying why. */
export function closeTrackTask(
  state: TrackState,
  input: PlayInput,
  reason: string,
): TaskUpdateAction[] {
  if (!state.task || state.dueAt === null) return [];
  const task = ownerTask(state, input, reason);
  const closes = [update(task, task.key, `${task.key}:close`, 'COMPLETED')];
  if (state.manager) {
    const owner = routeOwner(input.account, input.settings).ownerId;
    const manager = managerOf(owner, input.settings);
    const key = `${task.key}:manager`;
    if (manager !== null && owner !== null)
      closes.push(update(managerCopy(task, manager, owner), key, `${key}:close`, 'COMPLETED'));
  }
  return closes;
}

type TrackTask = TaskAction & { track: TrackKind };

function ownerTask(state: TrackState, input: PlayInput, closing: string | null = null): TrackTask {
  const { account, settings } = input;
  const lead = leadTrigger(state, input.now.toISOString());
  const spec = trackSpec(state.kind, lead);
  const owner = routeOwner(account, settings);
  const contactChoices = liveTriggers(state).map((t) => trackSpec(state.kind, t).contacts);
  const contacts = new Set(contactChoices.flatMap((c) => chooseContacts(c, account.contacts)));
  return {
    kind: 'task',
    track: state.kind,
    ruleId: TRACK_PLAY[state.kind].id,
    episode: state.episode,
    key: trackTaskKey(state, account.companyId),
    companyId: account.companyId,
    ownerId: owner.ownerId,
    route: owner.route,
    priority: state.priority,
    type: spec.type,
    subject: `${spec.subject} — ${account.name ?? `company ${account.companyId}`}`,
    body: trackBody(state, input, closing),
    dueAt: state.dueAt!,
    contactIds: [...contacts].map((c) => c.id),
  };
}

function managerCopy(task: TrackTask, managerId: string, ownerId: string): TrackTask {
  return {
    ...task,
    key: `${task.key}:manager`,
    ownerId: managerId,
    route: 'manager',
    subject: `Escalation: ${task.subject}`,
    body: `${managerNote(ownerId)}\n\n${task.body}`,
  };
}

function update(
  task: TrackTask,
  target: string,
  key: string,
  status: TaskUpdateAction['status'],
): TaskUpdateAction {
  return {
    kind: 'task-update',
    track: task.track,
    ruleId: task.ruleId,
    episode: task.episode,
    key,
    companyId: task.companyId,
    target,
    subject: task.subject,
    body: task.body,
    priority: task.priority,
    dueAt: task.dueAt,
    status,
  };
}

function escalates(state: TrackState): boolean {
  return liveTriggers(state).some((t) => ruleById(t.ruleId)?.routing === 'owner-and-manager');
}
