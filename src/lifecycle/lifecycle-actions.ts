import { accountSummary } from '../plays/account-summary.ts';
import { chooseContacts } from '../plays/choose-contacts.ts';
import { dueAt } from '../plays/due-at.ts';
import { weekAgoReading } from '../plays/history-readings.ts';
import type { Judgement } from '../plays/judge-rule.ts';
import type { NoteAction, PlayInput, TaskAction } from '../plays/play-types.ts';
import { managerOf, routeOwner } from '../plays/route-owner.ts';
import type { NoteSpec, TaskSpec } from '../plays/rule-types.ts';

export type LifecycleAction = TaskAction | NoteAction;

/**
 * A lifecycle play's actions for its episode: its task (to the owner, or for an escalation to the
 * owner's manager and the account executive) and its note. Keys carry the episode's date, so the
 * ledger makes each once however often the account is evaluated.
 */
export function lifecycleActions(judgement: Judgement, input: PlayInput): LifecycleAction[] {
  const { rule, episode } = judgement;
  if (episode === null) return [];
  const key = `${input.account.companyId}:${rule.id}:${episode}`;
  return rule.actions.flatMap((spec): LifecycleAction[] => {
    if (spec.kind === 'note') return [note(spec, key, judgement, input)];
    if (spec.kind === 'task') return tasks(spec, key, judgement, input);
    return [];
  });
}

function tasks(spec: TaskSpec, key: string, judgement: Judgement, input: PlayInput): TaskAction[] {
  const { rule } = judgement;
  const { account, settings, now } = input;
  const owner = routeOwner(account, settings);
  const due = rule.due ?? { kind: 'business-days', days: 2 };
  const task: TaskAction = {
    kind: 'task',
    track: 'lifecycle',
    ruleId: rule.id,
    episode: judgement.episode!,
    key,
    companyId: account.companyId,
    ownerId: owner.ownerId,
    route: owner.route,
    priority: rule.priority,
    type: spec.type,
    subject: `${spec.subject} — ${account.name ?? `company ${account.companyId}`}`,
    body: body(spec, judgement, input),
    dueAt: dueAt(due, now, settings).toISOString(),
    contactIds: chooseContacts(spec.contacts, account.contacts).map((c) => c.id),
  };
  if (rule.routing !== 'manager-and-account-executive') return [task];
  const manager = managerOf(owner.ownerId, settings);
  const executive = account.lifecycle?.accountExecutiveId ?? null;
  const out: TaskAction[] = [];
  if (manager !== null)
    out.push({ ...task, key: `${key}:manager`, ownerId: manager, route: 'manager' });
  // The account executive hears of it unless they own the account (and have its call already).
  if (executive !== null && executive !== owner.ownerId && executive !== manager)
    out.push({
      ...task,
      key: `${key}:account-executive`,
      ownerId: executive,
      route: 'account-executive',
    });
  if (out.length > 0) return out;
  // Nobody to escalate to is mapped: the owner gets it rather than nobody, and learns why.
  return [
    {
      ...task,
      body: `No manager (plays.managers) or account executive (plays.lifecycle.accountExecutiveProperty) is set for this account, so this escalation comes to you.\n\n${task.body}`,
    },
  ];
}

function body(spec: TaskSpec, judgement: Judgement, input: PlayInput): string {
  const { account, current, history, now, settings } = input;
  const summary = accountSummary(account, current, weekAgoReading(history, now), now, settings);
  return [
    `Why now: ${judgement.why}.`,
    ['What to do:', ...spec.steps.map((step) => `- ${step}`)].join('\n'),
    summary,
  ].join('\n\n');
}

function note(spec: NoteSpec, key: string, judgement: Judgement, input: PlayInput): NoteAction {
  const { account, settings } = input;
  const name = account.name ?? `company ${account.companyId}`;
  const qbrDate = spec.brief === 'qbr' ? judgement.episode : null;
  return {
    kind: 'note',
    brief: spec.brief,
    ruleId: judgement.rule.id,
    episode: judgement.episode!,
    key: `${key}:note`,
    companyId: account.companyId,
    ownerId: routeOwner(account, settings).ownerId,
    title:
      spec.brief === 'qbr' ? `QBR prep: ${name}, meeting on ${qbrDate}` : `Value report: ${name}`,
    body: '',
    qbrDate,
  };
}
