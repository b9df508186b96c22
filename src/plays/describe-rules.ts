import { describeContacts } from './choose-contacts.ts';
import { describeDue } from './due-at.ts';
import { SEQUENCE_WORDS } from './plan-enrolments.ts';
import type { PlaySettings } from './play-types.ts';
import type { ActionSpec, PlayRule } from './rule-types.ts';
import { RULES } from './rules.ts';

/** One row of `vitals plays list`, every field in words. */
export interface RuleDescription {
  id: string;
  section: string;
  title: string;
  trigger: string;
  /** "once per event", "once per crossing", or both for churn signals. */
  episode: string;
  /** Which accounts: segments, tier, churned or not. */
  applies: string;
  actions: string;
  priority: string;
  due: string;
  routing: string;
  enabled: boolean;
}

const EPISODES = {
  event: 'once per event',
  crossing: 'once per crossing',
  'event-or-crossing': 'once per reported event, else once per crossing',
} as const;

export function describeRules(settings: PlaySettings): RuleDescription[] {
  return RULES.map((rule) => ({
    id: rule.id,
    section: rule.section,
    title: rule.title,
    trigger: rule.trigger.describe(settings),
    episode: EPISODES[rule.episode],
    applies: applies(rule),
    actions: rule.actions.map((a) => describeAction(a, rule)).join('; '),
    priority: rule.priority,
    due: rule.due === null ? '—' : describeDue(rule.due, settings),
    routing: routing(rule),
    enabled: !settings.disabledRules.includes(rule.id),
  }));
}

function routing(rule: PlayRule): string {
  if (!rule.actions.some((a) => a.kind === 'task')) return '—';
  const owner = 'company owner (else fallback)';
  if (rule.routing === 'manager-and-account-executive')
    return `the owner's manager and the account executive (else ${owner})`;
  return rule.routing === 'owner-and-manager' ? `${owner}, and the owner's manager` : owner;
}

function applies(rule: PlayRule): string {
  const parts = [rule.forChurned ? 'churned accounts' : 'customers'];
  if (rule.segments) parts.push(`segments ${rule.segments.join(', ')}`);
  if (rule.bestTierOnly) parts.push('best tier only');
  return parts.join('; ');
}

const TRACK_WORDS = {
  save: "the account's one save task (with the save playbook)",
  renewal: "the account's one renewal task",
  expansion: "the account's one expansion task",
} as const;

function describeAction(action: ActionSpec, rule: PlayRule): string {
  if (action.kind === 'enroll')
    return `enrol ${describeContacts(action.contacts)} in the ${SEQUENCE_WORDS[action.sequence]} sequence`;
  if (action.kind === 'note')
    return action.brief === 'qbr'
      ? 'a note with the QBR prep brief on the company timeline'
      : "a note with the month's value report on the company timeline";
  const task = `${action.type} task "${action.subject}" about ${describeContacts(action.contacts)}`;
  if (rule.track) return `${task}, as ${TRACK_WORDS[rule.track]}: created, or updated when open`;
  if (rule.routing === 'manager-and-account-executive')
    return `${task}, for the owner's manager and the account executive, once per episode`;
  return rule.family ? `${task}, once per episode` : task;
}
