import type { RuleDescription } from '../plays/describe-rules.ts';
import { SEQUENCE_WORDS } from '../plays/plan-enrolments.ts';
import type { PlaySettings, SequenceKind } from '../plays/play-types.ts';
import { RULES } from '../plays/rules.ts';
import { labelled, wrap, type LabelLayout } from './plays-wrap.ts';

/** DOMAIN.md's sections, as the rule table cites them. */
export const SECTION_NAMES: Readonly<Record<string, string>> = {
  '§3': 'Alerts on score changes',
  '§4': 'Churn signals',
  '§5': 'Save playbook',
  '§6': 'Sequences',
  '§7': 'Expansion',
  onboarding: 'Lifecycle: onboarding, days 0 to 90',
  cadence: 'Lifecycle: touch cadence',
  qbr: 'Lifecycle: quarterly business reviews',
  anniversary: 'Lifecycle: anniversaries',
  nps: 'Lifecycle: NPS follow-up',
  report: 'Lifecycle: monthly value report',
};

/** `vitals plays list` for people: the rules grouped by section, each field wrapped to `width`. */
export function renderPlaysList(
  rows: readonly RuleDescription[],
  settings: PlaySettings,
  width = 100,
): string {
  const layout: LabelLayout = { indent: 4, labelWidth: 10, width };
  const off = rows.filter((r) => !r.enabled).length;
  const lines = wrap(
    `${rows.length} plays, ${off === 0 ? 'all switched on' : `${off} switched off in plays.disabledRules`}. Each fires once per account and episode: a rerun never repeats it. Switch one off by adding its id to plays.disabledRules in the config.`,
    width,
  );
  for (const [section, group] of bySection(rows)) {
    lines.push('', sectionHeading(section));
    for (const row of group) lines.push('', ...ruleLines(row, settings, layout));
  }
  return `${lines.join('\n')}\n`;
}

/** Grouped by each rule's first section, in the table's order. */
function bySection(rows: readonly RuleDescription[]): Map<string, RuleDescription[]> {
  const groups = new Map<string, RuleDescription[]>();
  for (const row of rows) {
    const first = row.section.split(',')[0]!.trim();
    groups.set(first, [...(groups.get(first) ?? []), row]);
  }
  return groups;
}

function sectionHeading(section: string): string {
  const name = SECTION_NAMES[section];
  const text = name
    ? section.startsWith('§')
      ? `${section} ${name}`
      : name
    : section || 'Other plays';
  return `${text}\n${'─'.repeat(text.length)}`;
}

function ruleLines(row: RuleDescription, settings: PlaySettings, layout: LabelLayout): string[] {
  const also = row.section.includes(',') ? ` (DOMAIN ${row.section})` : '';
  const field = (label: string, text: string) => labelled(label, text, layout);
  return [
    ...labelled(`${row.id} —`, `${row.title}${also}`, {
      ...layout,
      indent: 2,
      labelWidth: 0,
    }),
    ...(row.enabled ? [] : field('status', 'SWITCHED OFF in plays.disabledRules: runs skip it')),
    ...field('when', `${row.trigger}; fires ${row.episode}`),
    ...field('for', row.applies),
    ...field('does', row.actions),
    ...sequenceLines(row.id, settings).flatMap((text) => field('sequence', text)),
    ...field('priority', row.due === '—' ? row.priority : `${row.priority}, due ${row.due}`),
    ...(row.routing === '—' ? [] : field('routing', row.routing)),
  ];
}

/** For rules that enrol: which of the portal's sequences, or what is missing. */
function sequenceLines(ruleId: string, settings: PlaySettings): string[] {
  const rule = RULES.find((r) => r.id === ruleId);
  const kinds = new Set<SequenceKind>();
  for (const action of rule?.actions ?? [])
    if (action.kind === 'enroll') kinds.add(action.sequence);
  return [...kinds].map((kind) => {
    const id = settings[kind].sequenceId;
    const words = SEQUENCE_WORDS[kind];
    if (id === null)
      return `no ${words} sequence set (plays.${kind}.sequenceId): nobody is enrolled until one is; the sandbox uses its demo sequence`;
    const sender = settings.sender.email ? `, sent by ${settings.sender.email}` : '';
    return `${words} sequence ${id}${sender}`;
  });
}
