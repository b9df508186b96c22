import type { TaskInput } from '../hubspot/create-tasks.ts';
import type { TaskUpdate } from '../hubspot/update-tasks.ts';
import type { TaskAction, TaskUpdateAction } from '../plays/play-types.ts';
import { taskRefLine } from './task-ref.ts';

// HUBSPOT_DEFINED association types for a task (HubSpot's associations v4 reference).
const TASK_TO_COMPANY = 192;
const TASK_TO_CONTACT = 204;

/**
 * The HubSpot task for a planned one. The marker goes on the body's last line: it is how a run
 * that crashed after the call finds the task again instead of creating a second one. The same
 * line names the track, so a store rebuilt from nothing finds the track's task (taskRefLine).
 */
export function taskInput(action: TaskAction, marker: string): TaskInput {
  const properties: Record<string, string> = {
    hs_timestamp: action.dueAt,
    hs_task_subject: action.subject,
    hs_task_body: toHtml(
      `${action.body}\n\n${taskRefLine(marker, action.track, copy(action.key))}`,
    ),
    hs_task_status: 'NOT_STARTED',
    hs_task_priority: action.priority,
    hs_task_type: action.type,
  };
  if (action.ownerId !== null) properties.hubspot_owner_id = action.ownerId;
  return {
    properties,
    associations: [
      { id: action.companyId, typeId: TASK_TO_COMPANY },
      ...action.contactIds.map((id) => ({ id, typeId: TASK_TO_CONTACT })),
    ],
    traceId: action.key,
  };
}

/** The HubSpot change for a planned update of task `taskId`; the body keeps the task's marker. */
export function taskUpdateInput(
  action: TaskUpdateAction,
  taskId: string,
  marker: string,
): TaskUpdate {
  return {
    id: taskId,
    properties: {
      hs_timestamp: action.dueAt,
      hs_task_subject: action.subject,
      hs_task_body: toHtml(
        `${action.body}\n\n${taskRefLine(marker, action.track, copy(action.target))}`,
      ),
      hs_task_status: action.status,
      hs_task_priority: action.priority,
    },
  };
}

/** A manager's copy of an escalated task has its own key (track-task.ts). */
function copy(taskKey: string): boolean {
  return taskKey.endsWith(':manager');
}

// HubSpot shows a task body as rich text: plain newlines would run the lines together.
function toHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
    .join('');
}
