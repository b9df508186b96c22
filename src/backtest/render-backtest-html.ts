import type { BacktestReport } from './backtest-report.ts';
import { CHART_SCRIPT, DATA_ELEMENT_ID } from './html-chart-script.ts';
import { escapeHtml, jsonForScript, scriptForHtml } from './html-escape.ts';
import { BACKTEST_CSS } from './html-style.ts';
import {
  renderCautions,
  renderChartSections,
  renderHeader,
  renderLegend,
} from './render-backtest-sections.ts';
import { renderGreenThenChurned, renderModelTable } from './render-backtest-tables.ts';

/**
 * The backtest as one self-contained HTML page: every figure rendered as HTML, the charts drawn
 * by the chart.js source given (inlined, as is the report as JSON), so it works opened from disk
 * with no network and links nothing outside itself. Pure: the caller reads chart.js.
 */
export function renderBacktestHtml(report: BacktestReport, chartJsSource: string): string {
  const title = `Health score backtest: ${report.portal}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${BACKTEST_CSS}</style>`,
    '</head><body>',
    renderHeader(report),
    renderCautions(report),
    '<section><h2>The models side by side</h2>',
    renderModelTable(report.models),
    '</section>',
    renderChartSections(report),
    '<section><h2>Called healthy, then churned</h2>',
    `<p>Accounts a model put in its healthiest tier in a month less than ${escapeHtml(String(report.horizonDays))} `,
    'days before they churned, with the reasons the score gave at the time: the misses to learn from.</p>',
    renderGreenThenChurned(report),
    '</section>',
    renderLegend(),
    `<script type="application/json" id="${DATA_ELEMENT_ID}">${jsonForScript(report)}</script>`,
    `<script>${scriptForHtml(chartJsSource)}</script>`,
    `<script>${CHART_SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
