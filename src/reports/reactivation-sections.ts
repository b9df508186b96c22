import { shownDate } from '../plays/shown-date.ts';
import type { ReactivationReport } from './reactivation-report.ts';
import type { Section } from './section.ts';

/** Churned accounts of the last year, where each is in win-back, and who came back. */
export function reactivationSections(r: ReactivationReport): Section[] {
  const date = (iso: string) => shownDate(iso, r.timeZone);
  const sections: Section[] = [
    {
      key: 'summary',
      title: `Win-back on ${r.asOf.slice(0, 10)}`,
      lines: ['Accounts that churned in the last 365 days, the time the win-back sequence runs.'],
      columns: [
        { header: 'Accounts', kind: 'text' },
        { header: 'Count', kind: 'count' },
        { header: 'MRR', kind: 'money' },
      ],
      rows: [
        ['Churned in the last year (MRR they paid)', r.churned.accounts, r.churned.mrr],
        ['In the win-back sequence', r.inWinBack.accounts, r.inWinBack.mrr],
        ['Not in the win-back sequence', r.notInWinBack.accounts, r.notInWinBack.mrr],
        ...(r.wonBack ? [['Won back (MRR they pay now)', r.wonBack.accounts, r.wonBack.mrr]] : []),
      ],
    },
    {
      key: 'accounts',
      title: 'Churned accounts, most MRR first',
      lines: [],
      columns: [
        { header: 'Company ID', kind: 'text' },
        { header: 'Account', kind: 'text' },
        { header: 'Owner', kind: 'owner' },
        { header: 'Churned on', kind: 'date' },
        { header: 'Days since', kind: 'count' },
        { header: 'MRR lost', kind: 'money' },
        { header: 'Where they are', kind: 'text' },
      ],
      rows: r.rows.map((a) => [
        a.companyId,
        a.name,
        a.ownerId,
        date(a.churnedAt),
        a.daysSinceChurn,
        a.mrr,
        a.stage.words,
      ]),
    },
  ];
  if (r.wonBack)
    sections.push({
      key: 'won-back',
      title: 'Won back: paying again after a churn',
      lines: [],
      columns: [
        { header: 'Company ID', kind: 'text' },
        { header: 'Account', kind: 'text' },
        { header: 'Stopped paying', kind: 'date' },
        { header: 'Paying again since', kind: 'date' },
        { header: 'MRR now', kind: 'money' },
      ],
      rows: r.wonBack.rows.map((w) => [w.companyId, w.name, date(w.lostAt), date(w.backAt), w.mrr]),
    });
  return sections;
}
