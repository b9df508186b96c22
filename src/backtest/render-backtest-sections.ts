import type { BacktestReport } from './backtest-report.ts';
import { CHART_IDS } from './html-chart-script.ts';
import { escapeHtml } from './html-escape.ts';
import { formatCount, formatMonth, formatTimestamp } from './html-format.ts';

const OUTCOME_WORDS: Record<BacktestReport['outcome'], string> = {
  churn: 'the account stopped being a customer',
  'churn-or-contraction': 'the account stopped being a customer or cut what it pays',
};

/** The page's title and what was backtested: portal, period, horizon, outcome, when. */
export function renderHeader(report: BacktestReport): string {
  const item = (term: string, value: string) => `<dt>${term}</dt><dd>${escapeHtml(value)}</dd>`;
  return (
    '<header><h1>How well did the health score foretell churn?</h1><dl class="meta">' +
    item('Portal', report.portal) +
    item('Period', `${formatMonth(report.from)} to ${formatMonth(report.to)}`) +
    item('Horizon', `churn within ${formatCount(report.horizonDays)} days after each month`) +
    item('Counts as churn', OUTCOME_WORDS[report.outcome] ?? report.outcome) +
    item('Generated', formatTimestamp(report.generatedAt)) +
    '</dl></header>'
  );
}

/**
 * Every model's cautions in one list, before any figure is read. Models backtested over the
 * same history mostly share them, so each message shows once with the models it is about.
 */
export function renderCautions(report: BacktestReport): string {
  const byMessage = new Map<string, string[]>();
  for (const model of report.models) {
    for (const caution of model.metrics.cautions) {
      const labels = byMessage.get(caution.message) ?? [];
      if (!labels.includes(model.label)) labels.push(model.label);
      byMessage.set(caution.message, labels);
    }
  }
  if (byMessage.size === 0) return '';
  const several = report.models.length > 1;
  const items = [...byMessage].map(([message, labels]) => {
    const who = !several
      ? ''
      : labels.length === report.models.length
        ? '<strong>All models:</strong> '
        : `<strong>${escapeHtml(labels.join(', '))}:</strong> `;
    return `<li>${who}${escapeHtml(message)}</li>`;
  });
  return (
    '<section class="cautions"><h2>Read these first</h2>' +
    '<p>Where a figure is uncertain, the page shows its range instead of a number that looks ' +
    `certain.</p><ul>${items.join('')}</ul></section>`
  );
}

function chart(id: string, description: string): string {
  return (
    `<div class="chart"><canvas id="${id}" role="img" aria-label="${escapeHtml(description)}">` +
    `${escapeHtml(description)}</canvas></div>`
  );
}

/** The three charts' sections; the chart script fills in their canvases. */
export function renderChartSections(report: BacktestReport): string {
  const noCurve = report.models.filter((m) => m.roc.length === 0);
  const noCurveNote =
    noCurve.length === 0
      ? ''
      : `<p class="note">No curve for ${escapeHtml(noCurve.map((m) => m.label).join(', '))}: ` +
        'it needs scored months both followed and not followed by churn.</p>';
  return (
    '<section><h2>Churn rate by tier</h2>' +
    '<p>A useful score shows churn rising tier by tier, from the healthiest to the worst.</p>' +
    chart(
      CHART_IDS.tiers,
      'Bar chart: share of monthly scores followed by churn, per tier and model',
    ) +
    '</section><section><h2>Catching churn against raising false alarms</h2>' +
    '<p>Each line flags accounts at or below a score, from the lowest score up: the higher and ' +
    'further left the line runs, the more churn a model catches for few false alarms. The ' +
    `dashed diagonal is a model no better than chance.</p>${noCurveNote}` +
    chart(CHART_IDS.roc, 'Line chart: churn caught against false alarms, per model') +
    '</section><section><h2>Churn by score band</h2>' +
    '<p>The share of monthly scores in each band that were followed by churn: a trustworthy ' +
    'score shows it falling steadily as the score rises.</p>' +
    chart(CHART_IDS.calibration, 'Line chart: observed churn rate per score band, per model') +
    '</section>'
  );
}

/** What each figure means, one plain sentence each. */
export function renderLegend(): string {
  const entries: [string, string][] = [
    [
      'AUC',
      'Take one account that churned and one that stayed: the AUC is the chance the score ranked ' +
        'the churned one as riskier; 0.5 is a coin toss and 1 is never wrong.',
    ],
    [
      '95 % interval',
      'The range the figure would most likely fall in with another sample of accounts; a wide ' +
        'one means the single number should not be trusted.',
    ],
    [
      'Lift',
      'How many times more often accounts in the worst tier churned than accounts overall; 1× ' +
        'means the tier tells you nothing.',
    ],
    [
      'Precision',
      'Of the months an account spent in an alarm tier, the share that were followed by churn: ' +
        'how often an alarm was right.',
    ],
    [
      'Recall',
      'Of the months that were followed by churn, the share in which the account was already in ' +
        'an alarm tier: how much of the churn the alarms caught.',
    ],
  ];
  const items = entries.map(([term, meaning]) => `<dt>${term}</dt><dd>${meaning}</dd>`);
  return `<section><h2>What the figures mean</h2><dl class="legend">${items.join('')}</dl></section>`;
}
