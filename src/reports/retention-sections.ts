import type { Movement } from './retention-figures.ts';
import type { NpsFigure } from './nps-score.ts';
import type { RetentionReport } from './retention-report.ts';
import type { Cell, Section } from './section.ts';

const MOVEMENT_WORDS: Record<Movement, string> = {
  expansion: 'Pays more',
  contraction: 'Pays less',
  churn: 'Churned',
  unchanged: 'Same',
  new: 'New customer',
  'won-back': 'Came back',
};

/** The retention figures with their formulas, then every account's MRR at both ends. */
export function retentionSections(r: RetentionReport): Section[] {
  const money = (value: number): Cell => ({ value, kind: 'money' });
  const percent = (value: number | null): Cell => ({ value, kind: 'percent' });
  return [
    {
      key: 'figures',
      title: `Retention from ${r.startsAt.slice(0, 10)} to ${r.endsAt.slice(0, 10)}`,
      lines: [...r.notes, ...r.formulas],
      columns: [
        { header: 'Figure', kind: 'text' },
        { header: 'Value', kind: 'money' },
        { header: 'Accounts', kind: 'count' },
      ],
      rows: [
        ['MRR at the start', money(r.start.mrr), r.start.accounts],
        ['Expansion', money(r.expansion.mrr), r.expansion.accounts],
        ['Contraction', money(r.contraction.mrr), r.contraction.accounts],
        ['Churned MRR', money(r.churn.mrr), r.churn.accounts],
        ['MRR at the end (same accounts)', money(r.end.mrr), r.end.accounts],
        ['Net revenue retention (NRR)', percent(r.nrr.percent), r.start.accounts],
        ['Gross revenue retention (GRR)', percent(r.grr.percent), r.start.accounts],
        ['Logo churn', percent(r.logoChurn.percent), r.logoChurn.lost],
        ['New and won-back MRR (not in NRR)', money(r.newMrr.mrr), r.newMrr.accounts],
      ],
    },
    ...(r.nps ? [npsSection(r.nps, r.endsAt)] : []),
    {
      key: 'accounts',
      title: 'Each account: MRR at the start and at the end',
      lines: [],
      columns: [
        { header: 'Company ID', kind: 'text' },
        { header: 'Account', kind: 'text' },
        { header: 'MRR at the start', kind: 'money' },
        { header: 'MRR at the end', kind: 'money' },
        { header: 'Change', kind: 'money' },
        { header: 'Movement', kind: 'text' },
      ],
      rows: r.rows.map((a) => [
        a.companyId,
        a.name,
        a.start,
        a.end,
        a.end - a.start,
        MOVEMENT_WORDS[a.movement],
      ]),
    },
  ];
}

function npsSection(nps: NpsFigure, endsAt: string): Section {
  const count = (value: number): Cell => ({ value, kind: 'count' });
  return {
    key: 'nps',
    title: `NPS on ${endsAt.slice(0, 10)}, from each contact's latest answer by then`,
    lines: [],
    columns: [
      { header: 'Figure', kind: 'text' },
      { header: 'Value', kind: 'change' },
    ],
    rows: [
      ['NPS', nps.score],
      ['Contacts who answered', count(nps.responses)],
      ['Promoters (9–10)', count(nps.promoters)],
      ['Passives (7–8)', count(nps.passives)],
      ['Detractors (0–6)', count(nps.detractors)],
      ['Companies they are at', count(nps.ids.length)],
    ],
  };
}
