import type { BacktestReport, ModelBacktest } from './backtest-report.ts';
import {
  formatAuc,
  formatCount,
  formatEstimate,
  formatLift,
  formatPercent,
  NO_FIGURE,
} from './html-format.ts';

/**
 * The backtest for a terminal: the models side by side, one column each, then the cautions and
 * the accounts each model called healthy before they churned. Plain text, no colour.
 */
export function renderBacktestText(report: BacktestReport): string {
  const lines = [
    `Backtest of ${report.models.length === 1 ? 'one model' : `${report.models.length} models`} on ${report.portal}, ${report.from} to ${report.to}: ` +
      `did the score warn of ${report.outcome === 'churn' ? 'churn' : 'churn or a drop in MRR'} within ${report.horizonDays} days?`,
    '',
    ...table(rows(report.models), ['', ...report.models.map((m) => m.label)]),
  ];
  const cautions = uniqueCautions(report.models);
  if (cautions.length > 0) lines.push('', 'Read with care:', ...cautions.map((c) => `  - ${c}`));
  for (const group of report.greenThenChurned) {
    if (group.accounts.length === 0) continue;
    const label = report.models.find((m) => m.name === group.model)?.label ?? group.model;
    lines.push('', `${label}: called healthy, then churned within the horizon (latest first):`);
    for (const a of group.accounts.slice(0, 10))
      lines.push(
        `  ${a.name ?? `company ${a.companyId}`} (${a.companyId}), ${a.month}, score ${a.score ?? NO_FIGURE}: ${a.drivers.join(' · ')}`,
      );
    if (group.accounts.length > 10)
      lines.push(`  … and ${group.accounts.length - 10} more (--format json or html lists them).`);
  }
  lines.push(
    '',
    'AUC: the chance a churned account scored lower than one that stayed (0.5 is a coin toss, 1 is perfect).',
    'Lift: how many times the usual churn rate the worst tier churned at.',
    'Precision: of the warnings (the alarm tiers), the share followed by churn. Recall: of the churn, the share warned of.',
    'Ranges are 95 % intervals; a figure marked uncertain needs more history before anyone relies on it.',
  );
  return `${lines.join('\n')}\n`;
}

function rows(models: readonly ModelBacktest[]): string[][] {
  const estimate = (
    pick: (m: ModelBacktest) => Parameters<typeof formatEstimate>[0],
    f: (v: number) => string,
  ) => models.map((m) => formatEstimate(pick(m), f).text);
  const tiers = [...new Set(models.flatMap((m) => m.metrics.tiers.map((t) => t.tier)))];
  return [
    ['Account-months judged', ...models.map((m) => formatCount(m.metrics.counts.observations))],
    ['Accounts', ...models.map((m) => formatCount(m.metrics.counts.accounts))],
    ['Followed by churn', ...models.map((m) => formatCount(m.metrics.counts.churnEvents))],
    ['Usual churn rate', ...models.map((m) => percentOrNone(m.metrics.baseRate))],
    ['AUC', ...estimate((m) => m.metrics.auc, formatAuc)],
    [
      'Lift of the worst tier',
      ...models.map((m) => {
        const lift = m.metrics.worstTierLift;
        if (!lift) return NO_FIGURE;
        const firm = m.metrics.tiers.find((t) => t.tier === lift.tier)?.firm ?? false;
        return `${formatLift(lift.lift)} (${lift.tier}${firm ? '' : ', too few'})`;
      }),
    ],
    ['Precision of the alarm tiers', ...estimate((m) => m.metrics.alarm.precision, formatPercent)],
    ['Recall of the alarm tiers', ...estimate((m) => m.metrics.alarm.recall, formatPercent)],
    ...tiers.map((tier) => [
      `Churn rate, ${tier}`,
      ...models.map((m) => {
        const rate = m.metrics.tiers.find((t) => t.tier === tier);
        if (!rate || rate.rate === null) return NO_FIGURE;
        const text = `${formatPercent(rate.rate)} of ${formatCount(rate.observations)}`;
        return rate.firm ? text : `${text} (too few)`;
      }),
    ]),
    ...calibrationRows(models),
  ];
}

/** Churn by score band (calibration): the lower the band, the more churn there should be. */
function calibrationRows(models: readonly ModelBacktest[]): string[][] {
  const bands = models[0]?.metrics.calibration ?? [];
  return bands.map((band, i) => [
    `Churn rate, scores ${band.low}–${band.high}`,
    ...models.map((m) => {
      const b = m.metrics.calibration[i];
      return !b || b.rate === null
        ? NO_FIGURE
        : `${formatPercent(b.rate)} of ${formatCount(b.observations)}`;
    }),
  ]);
}

function percentOrNone(share: number | null): string {
  return share === null ? NO_FIGURE : formatPercent(share);
}

function uniqueCautions(models: readonly ModelBacktest[]): string[] {
  const byMessage = new Map<string, string[]>();
  for (const m of models)
    for (const c of m.metrics.cautions)
      byMessage.set(c.message, [...(byMessage.get(c.message) ?? []), m.label]);
  return [...byMessage].map(([message, who]) =>
    models.length === 1 || who.length === models.length ? message : `${who.join(', ')}: ${message}`,
  );
}

function table(body: string[][], head: string[]): string[] {
  const all = [head, ...body];
  const widths = head.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  return all.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}
