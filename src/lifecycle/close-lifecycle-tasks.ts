import type { OpenTracks, PlayInput, TaskAction, TaskUpdateAction } from '../plays/play-types.ts';
import { ruleById } from '../plays/rule-index.ts';
import { shownDate } from '../plays/shown-date.ts';
import { CHECK_IN_RULE, coveringTrack } from './save-covers-check-in.ts';

/**
 * A lifecycle task ends by itself when its moment has passed: the check-in once a touch is
 * logged, the QBR prep once the QBR is over, an onboarding step once a later one is due, a risk
 * once it is gone. Vitals completes it, saying why, as it completes a track's task: a rep's list
 * holds what is still to do. Nothing is closed on facts this evaluation did not read.
 */
export function closeLifecycleTasks(input: PlayInput, tracks: OpenTracks = {}): TaskUpdateAction[] {
  if (input.account.lifecycle === undefined) return [];
  return (input.lifecycleTasks ?? []).flatMap((task) => {
    const reason = endedBecause(task, input) ?? coveredBy(task, tracks, input);
    return reason === null
      ? []
      : [
          closeLifecycleTask(
            task,
            `its moment has passed (${reason})`,
            input.now,
            input.settings.timeZone,
          ),
        ];
  });
}

function endedBecause(task: TaskAction, input: PlayInput): string | null {
  const rule = ruleById(task.ruleId);
  if (!rule || rule.family === undefined) return null;
  if (input.account.churnedAt !== null) return 'the account has churned';
  if (input.settings.disabledRules.includes(rule.id)) return null;
  const now = rule.trigger.check(input);
  if (now.unknown || now.event === task.episode) return null;
  return now.why;
}

/** A check-in a track's task made since the last touch now asks for: one call, one task. */
function coveredBy(task: TaskAction, tracks: OpenTracks, input: PlayInput): string | null {
  if (task.ruleId !== CHECK_IN_RULE) return null;
  const covering = coveringTrack(tracks, input);
  return covering ? `the ${covering.kind} task asks for the same call` : null;
}

/** Vitals completes its own lifecycle task on `now`, the body saying why first. */
export function closeLifecycleTask(
  task: TaskAction,
  why: string,
  now: Date,
  timeZone: string,
): TaskUpdateAction {
  const on = shownDate(now.toISOString(), timeZone);
  return {
    kind: 'task-update',
    track: 'lifecycle',
    ruleId: task.ruleId,
    episode: task.episode,
    key: `${task.key}:close`,
    companyId: task.companyId,
    target: task.key,
    subject: task.subject,
    body: `Closed by Vitals on ${on}: ${why}.\n\n${task.body}`,
    priority: task.priority,
    dueAt: task.dueAt,
    status: 'COMPLETED',
  };
}
