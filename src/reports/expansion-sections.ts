import { EXPANSION_SIGNAL_WORDS, type ExpansionReport } from './expansion-report.ts';
import { PLAY_STATUS_WORDS } from './play-status-words.ts';
import type { Section } from './section.ts';

/** Who shows a growth signal, and whether to talk growth with them now. */
export function expansionSections(r: ExpansionReport): Section[] {
  return [
    {
      key: 'summary',
      title: `Expansion on ${r.asOf.slice(0, 10)}`,
      lines: ['Growth talks are only for accounts in the best tier with no save play open.'],
      columns: [
        { header: 'Accounts', kind: 'text' },
        { header: 'Count', kind: 'count' },
        { header: 'MRR', kind: 'money' },
      ],
      rows: [
        ['Ready to talk growth', r.ready.accounts, r.ready.mrr],
        ['Growth signal, not ready yet', r.notYet.accounts, r.notYet.mrr],
      ],
    },
    {
      key: 'accounts',
      title: 'Accounts with a growth signal, ready ones first',
      lines: [],
      columns: [
        { header: 'Company ID', kind: 'text' },
        { header: 'Account', kind: 'text' },
        { header: 'Owner', kind: 'owner' },
        { header: 'Tier', kind: 'tier' },
        { header: 'Score', kind: 'score' },
        { header: 'MRR', kind: 'money' },
        { header: 'Growth signals', kind: 'text' },
        { header: 'Expansion task', kind: 'text' },
        { header: 'Ready?', kind: 'text' },
      ],
      rows: r.rows.map((a) => [
        a.companyId,
        a.name,
        a.ownerId,
        a.tier,
        a.score,
        a.mrr,
        a.signals.map((s) => EXPANSION_SIGNAL_WORDS[s]).join('; ') || null,
        a.play ? `${PLAY_STATUS_WORDS[a.play.status]}: ${a.play.trigger}` : 'None',
        a.why,
      ]),
    },
  ];
}
