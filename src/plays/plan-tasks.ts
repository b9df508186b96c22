import { chooseContacts } from './choose-contacts.ts';
import { dueAt } from './due-at.ts';
import type { Judgement } from './judge-rule.ts';
import type { PlayInput, TaskAction } from './play-types.ts';
import { managerOf, routeOwner } from './route-owner.ts';
import type { TaskSpec } from './rule-types.ts';
import { managerNote, taskBody } from './task-body.ts';

/** The owner's task, and for an escalation a copy for their manager when one is mapped. */
export function planTasks(spec: TaskSpec, judgement: Judgement, input: PlayInput): TaskAction[] {
  const { rule, episode } = judgement;
  const { account, settings, now } = input;
  if (episode === null || rule.due === null)
    throw new Error(`Rule ${rule.id} cannot make a task: it has no episode or no due time.`);
  const key = `${account.companyId}:${rule.id}:${episode}`;
  const owner = routeOwner(account, settings);
  const task: TaskAction = {
    kind: 'task',
    ruleId: rule.id,
    episode,
    key,
    companyId: account.companyId,
    ownerId: owner.ownerId,
    route: owner.route,
    priority: rule.priority,
    type: spec.type,
    subject: `${spec.subject} — ${account.name ?? `company ${account.companyId}`}`,
    body: taskBody(spec, judgement, input),
    dueAt: dueAt(rule.due, now, settings).toISOString(),
    contactIds: chooseContacts(spec.contacts, account.contacts).map((c) => c.id),
  };
  const manager = rule.routing === 'owner-and-manager' ? managerOf(owner.ownerId, settings) : null;
  if (manager === null || owner.ownerId === null) return [task];
  return [
    task,
    {
      ...task,
      key: `${key}:manager`,
      ownerId: manager,
      route: 'manager',
      subject: `Escalation: ${task.subject}`,
      body: `${managerNote(owner.ownerId)}\n\n${task.body}`,
    },
  ];
}
