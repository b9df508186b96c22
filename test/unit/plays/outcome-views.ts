import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import type {
  EnrollAction,
  PlannedAction,
  PlayInput,
  PlayOutcome,
  TaskAction,
  TaskUpdateAction,
  TrackKind,
  TrackTrigger,
} from '../../../src/plays/play-types.ts';
import { input } from './play-input.ts';

// Views of a PlayOutcome for the tests: the one task per track, its updates, the enrolments.

export const run = (over: Partial<PlayInput> = {}): PlayOutcome => evaluatePlays(input(over));

export const verdictOf = (outcome: PlayOutcome, ruleId: string) =>
  outcome.verdicts.find((v) => v.ruleId === ruleId);

export const firedRules = (outcome: PlayOutcome) =>
  outcome.verdicts.filter((v) => v.fired).map((v) => v.ruleId);

/** Every action but the recommended-plays property. */
export const work = (outcome: PlayOutcome): PlannedAction[] =>
  outcome.actions.filter((a) => a.kind !== 'property');

export const ownerTasks = (outcome: PlayOutcome, track?: TrackKind): TaskAction[] =>
  outcome.actions.filter(
    (a): a is TaskAction =>
      a.kind === 'task' && a.route !== 'manager' && (track === undefined || a.track === track),
  );

export const managerCopies = (outcome: PlayOutcome, track?: TrackKind): TaskAction[] =>
  outcome.actions.filter(
    (a): a is TaskAction =>
      a.kind === 'task' && a.route === 'manager' && (track === undefined || a.track === track),
  );

export const ownerUpdates = (outcome: PlayOutcome, track?: TrackKind): TaskUpdateAction[] =>
  outcome.actions.filter(
    (a): a is TaskUpdateAction =>
      a.kind === 'task-update' &&
      !a.target.endsWith(':manager') &&
      (track === undefined || a.track === track),
  );

/** The owner's task of the track, new or updated: what the rep sees now. */
export function trackTask(
  outcome: PlayOutcome,
  track: TrackKind,
): TaskAction | TaskUpdateAction | undefined {
  return ownerTasks(outcome, track)[0] ?? ownerUpdates(outcome, track)[0];
}

export function bodyOf(outcome: PlayOutcome, track: TrackKind): string {
  const task = trackTask(outcome, track);
  if (!task) throw new Error(`no ${track} task`);
  return task.body;
}

export const enrolments = (outcome: PlayOutcome, ruleId?: string): EnrollAction[] =>
  outcome.actions.filter(
    (a): a is EnrollAction => a.kind === 'enroll' && (ruleId === undefined || a.ruleId === ruleId),
  );

/** The trigger a rule left on any open track. */
export function triggerOf(outcome: PlayOutcome, ruleId: string): TrackTrigger | undefined {
  return Object.values(outcome.tracks)
    .flatMap((t) => t.triggers)
    .find((t) => t.ruleId === ruleId);
}

/** Evaluations in order, carrying tracks and active rules from one to the next as the shell does. */
export function evaluateInOrder(steps: readonly Partial<PlayInput>[]): PlayOutcome[] {
  let tracks: PlayInput['tracks'] = {};
  let active = new Set<string>();
  return steps.map((step) => {
    const outcome = evaluatePlays(input({ ...step, tracks, previouslyActive: active }));
    tracks = outcome.tracks;
    active = new Set(outcome.active);
    return outcome;
  });
}
