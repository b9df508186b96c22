import { moneyText } from './format-cell.ts';
import { PLAY_STATUS_WORDS } from './play-status-words.ts';
import { FORECAST_LABELS } from './renewal-forecast.ts';
import type { RenewalStep } from './report-input.ts';
import type { RenewalsReport } from './renewals-report.ts';
import type { Section } from './section.ts';

/** Where the renewal timeline is (src/plays/renewal-rules.ts), in words. */
export const RENEWAL_STEP_WORDS: Record<RenewalStep, string> = {
  'renewal-forecast': 'Forecast check (4 months out)',
  'renewal-review': 'Account review before the renewal emails',
  'renewal-contract': 'Contract out (30 days)',
  'renewal-escalation': 'Executive follow-up (2 weeks)',
  'renewal-red-alert': 'Red alert: a week out, unsigned',
};

/** Renewals ahead by window, the forecast with its rule, and every renewal. */
export function renewalsSections(r: RenewalsReport): Section[] {
  const n = r.total.accounts;
  const total = `${n} ${n === 1 ? 'renewal' : 'renewals'} worth ${moneyText(r.total.mrr)} a month in the next 120 days.`;
  return [
    {
      key: 'windows',
      title: `Renewals ahead on ${r.asOf.slice(0, 10)}`,
      lines: [total],
      columns: [
        { header: 'Renewing', kind: 'text' },
        { header: 'Accounts', kind: 'count' },
        { header: 'MRR at stake', kind: 'money' },
      ],
      rows: [
        ...r.windows.map((w) => [w.label, w.accounts, w.mrr]),
        ['All 120 days', r.total.accounts, r.total.mrr],
      ],
    },
    {
      key: 'forecast',
      title: 'Renewal forecast',
      lines: ['How each renewal is forecast:', ...r.forecastRule.map((l) => `  ${l}`)],
      columns: [
        { header: 'Forecast', kind: 'text' },
        { header: 'Accounts', kind: 'count' },
        { header: 'MRR', kind: 'money' },
      ],
      rows: r.forecast.map((f) => [f.label, f.accounts, f.mrr]),
    },
    {
      key: 'renewals',
      title: 'Every renewal, soonest first',
      lines: [],
      columns: [
        { header: 'Company ID', kind: 'text' },
        { header: 'Account', kind: 'text' },
        { header: 'Owner', kind: 'owner' },
        { header: 'Renewal date', kind: 'date' },
        { header: 'Days to go', kind: 'count' },
        { header: 'MRR', kind: 'money' },
        { header: 'Tier', kind: 'tier' },
        { header: 'Score', kind: 'score' },
        { header: 'Change (4 weeks)', kind: 'change' },
        { header: 'Coverage', kind: 'percent' },
        { header: 'Renewal step', kind: 'text' },
        { header: 'Renewal task', kind: 'text' },
        { header: 'Forecast', kind: 'text' },
        { header: 'Why', kind: 'text' },
      ],
      rows: r.rows.map((row) => [
        row.companyId,
        row.name,
        row.ownerId,
        row.renewalDate,
        row.daysToGo,
        row.mrr,
        row.tier,
        row.score,
        row.change4w,
        row.coverage,
        row.step ? RENEWAL_STEP_WORDS[row.step] : 'No renewal task',
        row.taskStatus ? PLAY_STATUS_WORDS[row.taskStatus] : null,
        FORECAST_LABELS[row.forecast],
        row.forecastReason,
      ]),
    },
  ];
}
