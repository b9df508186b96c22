import type { BacktestReport, ModelBacktest } from './backtest-report.ts';
import { escapeHtml } from './html-escape.ts';
import {
  formatAuc,
  formatCount,
  formatEstimate,
  formatLift,
  formatMonth,
  formatPercent,
  NO_FIGURE,
} from './html-format.ts';
import type { Estimate } from './metric-estimate.ts';

/**
 * The models side by side, one column each, so a reader compares them along a row: counts,
 * base rate, AUC, lift, the alarm tiers' precision and recall, and churn per tier.
 */
export function renderModelTable(models: readonly ModelBacktest[]): string {
  const head = models
    .map(
      (m) =>
        `<th scope="col">${escapeHtml(m.label)}<br><small>${escapeHtml(m.name)}, version ` +
        `${escapeHtml(m.version)}</small></th>`,
    )
    .join('');
  const row = (label: string, cell: (m: ModelBacktest) => string) =>
    `<tr><th scope="row">${label}</th>${models.map((m) => `<td class="num">${cell(m)}</td>`).join('')}</tr>`;
  const rows = [
    row('Accounts', (m) => formatCount(m.metrics.counts.accounts)),
    row('Monthly scores checked', (m) => formatCount(m.metrics.counts.observations)),
    row('Base churn rate', baseRateCell),
    row('AUC (95 % interval)', (m) => estimateCell(m.metrics.auc, formatAuc)),
    row('Lift of the worst tier', liftCell),
    row('Alarm tiers', (m) => escapeHtml(m.metrics.alarm.tiers.join(', ') || NO_FIGURE)),
    row('Precision of the alarms', (m) => estimateCell(m.metrics.alarm.precision, formatPercent)),
    row('Recall of the alarms', (m) => estimateCell(m.metrics.alarm.recall, formatPercent)),
    ...tierNames(models).map((tier) =>
      row(`Churn rate: ${escapeHtml(tier)}`, (m) => tierCell(m, tier)),
    ),
  ];
  return (
    `<table class="models"><thead><tr><th scope="col">Measure</th>${head}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** Each tier once, in the order the models list them (best to worst). */
export function tierNames(models: readonly ModelBacktest[]): string[] {
  return [...new Set(models.flatMap((m) => m.metrics.tiers.map((t) => t.tier)))];
}

function baseRateCell(m: ModelBacktest): string {
  const { baseRate, counts } = m.metrics;
  if (baseRate === null) return NO_FIGURE;
  return (
    `${formatPercent(baseRate)} <small>(${formatCount(counts.churnEvents)} of ` +
    `${formatCount(counts.observations)})</small>`
  );
}

function estimateCell(estimate: Estimate | null, format: (value: number) => string): string {
  const { text, firm } = formatEstimate(estimate, format);
  return firm
    ? escapeHtml(text)
    : `<span class="uncertain" title="Too uncertain to quote as one number">${escapeHtml(text)}</span>`;
}

function liftCell(m: ModelBacktest): string {
  const lift = m.metrics.worstTierLift;
  if (lift === null) return NO_FIGURE;
  const text = `${formatLift(lift.lift)} <small>(${escapeHtml(lift.tier)})</small>`;
  // A lift is only as firm as the churn rate of the tier it is taken from.
  const firm = m.metrics.tiers.find((t) => t.tier === lift.tier)?.firm ?? false;
  return firm
    ? text
    : `<span class="uncertain">${text}</span> <span class="rough">too few to rely on</span>`;
}

function tierCell(m: ModelBacktest, tier: string): string {
  const rate = m.metrics.tiers.find((t) => t.tier === tier);
  if (rate === undefined || rate.rate === null) return NO_FIGURE;
  const of = `<small>(${formatCount(rate.churned)} of ${formatCount(rate.observations)})</small>`;
  return rate.firm
    ? `${formatPercent(rate.rate)} ${of}`
    : `<span class="uncertain">${formatPercent(rate.rate)}</span> ${of} <span class="rough">too few to rely on</span>`;
}

/**
 * Per model, the accounts it called healthy shortly before they churned: the misses a customer
 * success team learns most from, with the drivers the score gave at the time.
 */
export function renderGreenThenChurned(report: BacktestReport): string {
  if (report.greenThenChurned.length === 0) {
    return '<p class="note">No list of healthy-then-churned accounts was made for this backtest.</p>';
  }
  return report.greenThenChurned
    .map(({ model, accounts }) => {
      const label = report.models.find((m) => m.name === model)?.label ?? model;
      const heading = `<h3>${escapeHtml(label)}</h3>`;
      if (accounts.length === 0) {
        return `${heading}<p class="note">None: no account this model called healthy churned within the horizon.</p>`;
      }
      const rows = accounts.map(
        (a) =>
          `<tr><td>${escapeHtml(a.name ?? 'Unnamed company')}<br><small>ID ${escapeHtml(a.companyId)}</small></td>` +
          `<td>${escapeHtml(formatMonth(a.month))}</td>` +
          `<td class="num">${a.score === null ? NO_FIGURE : escapeHtml(String(a.score))}</td>` +
          `<td>${escapeHtml(a.tier)}</td>` +
          `<td>${a.drivers.length === 0 ? NO_FIGURE : a.drivers.map(escapeHtml).join('<br>')}</td></tr>`,
      );
      return (
        `${heading}<table class="green-then-churned"><thead><tr><th scope="col">Company</th>` +
        '<th scope="col">Month called healthy</th><th scope="col">Score</th>' +
        '<th scope="col">Tier</th><th scope="col">Drivers at the time</th></tr></thead>' +
        `<tbody>${rows.join('')}</tbody></table>`
      );
    })
    .join('');
}
