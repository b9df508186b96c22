import type {
  CompanyPlaysReport,
  ExplainedAction,
  ExplainedRule,
  LedgerState,
} from '../jobs/explain-company-plays.ts';
import { SEQUENCE_WORDS } from '../plays/plan-enrolments.ts';
import { inZone } from '../plays/local-time.ts';
import { closingReason } from '../jobs/closing-reason.ts';
import { ledgerWords } from './ledger-words.ts';
import { labelled, wrap, type LabelLayout } from './plays-wrap.ts';

const ROUTES = {
  owner: 'company owner',
  fallback: 'fallback owner',
  manager: "owner's manager",
  'account-executive': 'account executive',
};

/** `vitals plays explain` for people: what fires and what it would do, then what does not and why. */
export function renderPlaysExplain(report: CompanyPlaysReport, width = 100): string {
  const fired = report.rules.filter((r) => r.fired);
  const quiet = report.rules.filter((r) => !r.fired);
  const layout: LabelLayout = { indent: 4, labelWidth: 10, width };
  const lines = [...heading(report, width), ''];
  lines.push(fired.length === 0 ? 'Firing now: none.' : `Firing now (${fired.length})`);
  for (const rule of fired) lines.push('', ...firedLines(rule, report, layout));
  if (quiet.length === 0) lines.push('', 'Not firing: none.');
  else lines.push('', `Not firing (${quiet.length})`, '');
  const idWidth = Math.max(0, ...quiet.map((r) => r.ruleId.length)) + 2;
  const row: LabelLayout = { indent: 2, labelWidth: idWidth, width };
  for (const rule of quiet) {
    lines.push(...labelled(rule.ruleId, rule.why, row));
    for (const e of rule.earlier)
      lines.push(...labelled('', `earlier: ${earlierWords(e, report.timeZone)}`, row));
  }
  const shown = report.recommendedPlays.split('\n').join('; ');
  lines.push('', ...wrap(`health_recommended_plays would read: ${shown}`, width));
  return `${lines.join('\n')}\n`;
}

function heading(report: CompanyPlaysReport, width: number): string[] {
  const c = report.company;
  const facts = [
    c.score === null ? 'no score (no data)' : `score ${c.score} (${c.tierLabel})`,
    `coverage ${c.coverage} %`,
    `segment ${c.segment ?? 'unknown'}`,
    `MRR ${c.mrr === null ? 'unknown' : c.mrr.toLocaleString('en-US')}`,
    c.ownerId === null ? 'no owner' : `owner ${c.ownerId}`,
    `${c.contacts.length} contact${c.contacts.length === 1 ? '' : 's'}`,
    ...(c.churnedAt ? [`churned ${c.churnedAt.slice(0, 10)}`] : []),
  ];
  const at = `${when(report.evaluatedAt, report.timeZone)} (${report.timeZone})`;
  return [
    `${c.name ?? 'Unnamed company'} (company ${c.id})`,
    ...wrap(facts.join('; '), width - 2).map((l) => `  ${l}`),
    ...wrap(`Plays as a run would see them at ${at}; nothing was written.`, width - 2).map(
      (l) => `  ${l}`,
    ),
  ];
}

function firedLines(rule: ExplainedRule, report: CompanyPlaysReport, layout: LabelLayout) {
  const field = (label: string, text: string) => labelled(label, text, layout);
  const lines = [
    ...labelled(`${rule.ruleId} —`, rule.title, { ...layout, indent: 2, labelWidth: 0 }),
    ...field('why', rule.why),
  ];
  if (rule.actions.length === 0) lines.push(...field('does', 'nothing this time'));
  for (const a of rule.actions) {
    const label = { task: 'task', 'task-update': 'update', enroll: 'enrol', note: 'note' }[
      a.action.kind
    ];
    lines.push(...field(label, actionWords(a, report)));
    lines.push(...field('', statusWords(a, report.timeZone)));
  }
  return lines;
}

function actionWords({ action }: ExplainedAction, report: CompanyPlaysReport): string {
  if (action.kind === 'note') return `write the note "${action.title}" on the company timeline`;
  if (action.kind === 'enroll') {
    const sequence = action.sequenceId === null ? '' : ` ${action.sequenceId}`;
    return `${contactName(action.contactId, report)} in the ${SEQUENCE_WORDS[action.sequence]} sequence${sequence}`;
  }
  if (action.kind === 'task-update') {
    if (action.status === 'COMPLETED')
      return `complete the task "${action.subject}": ${closingReason(action) ?? 'its episode ends'}`;
    return `rewrite and reopen the task "${action.subject}": ${action.priority}, due ${when(action.dueAt, report.timeZone)}`;
  }
  const owner =
    action.ownerId === null
      ? 'nobody (no owner)'
      : `owner ${action.ownerId} (${ROUTES[action.route]})`;
  const about =
    action.contactIds.length === 0
      ? ''
      : `, about ${action.contactIds.map((id) => contactName(id, report)).join(', ')}`;
  return `${action.priority} ${action.type} "${action.subject}" for ${owner}, due ${when(action.dueAt, report.timeZone)}${about}`;
}

/** What a run would make of it, given the ledger. */
function statusWords({ action, ledger, unconfigured }: ExplainedAction, timeZone: string): string {
  if (unconfigured) return `→ would not be enrolled: ${unconfigured}`;
  if (ledger) return `→ ${ledgerWords(ledger, timeZone)}`;
  if (action.kind === 'enroll' && action.skip)
    return `→ the next run would skip it: ${action.skip}`;
  return '→ not in the ledger: the next run would do it';
}

function earlierWords(e: LedgerState, timeZone: string): string {
  return `${e.episode} ${ledgerWords(e, timeZone)}`;
}

function contactName(id: string, report: CompanyPlaysReport): string {
  const contact = report.company.contacts.find((c) => c.id === id);
  const name = contact?.name ?? contact?.email;
  return name ? `${name} (contact ${id})` : `contact ${id}`;
}

function when(iso: string, timeZone: string): string {
  return inZone(new Date(iso), timeZone).toFormat('yyyy-LL-dd HH:mm');
}
