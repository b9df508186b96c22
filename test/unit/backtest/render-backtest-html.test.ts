import { createContext, runInContext, runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { backtestMetrics, type Observation } from '../../../src/backtest/backtest-metrics.ts';
import type { BacktestReport, ModelBacktest } from '../../../src/backtest/backtest-report.ts';
import { mulberry32 } from '../../../src/backtest/bootstrap-random.ts';
import { chartJsUmdPath, readChartJsSource } from '../../../src/cli/chart-js-source.ts';
import { CHART_IDS, DATA_ELEMENT_ID } from '../../../src/backtest/html-chart-script.ts';
import { escapeHtml } from '../../../src/backtest/html-escape.ts';
import { formatAuc, formatEstimate, formatPercent } from '../../../src/backtest/html-format.ts';
import { SCORE_CODES, scoreCode } from '../../../src/backtest/metric-auc.ts';
import { rocFromHistogram } from '../../../src/backtest/metric-roc.ts';
import { renderBacktestHtml } from '../../../src/backtest/render-backtest-html.ts';

const TIERS = ['healthy', 'monitor', 'at_risk', 'critical'];
const HOSTILE = '</script><script>alert(1)</script>';
/** Stands in for chart.js so a test can say the page holds no URL at all. */
const FAKE_CHART_JS = 'window.Chart = function FakeChart() {};';

function tierOf(score: number): string {
  return score >= 70 ? 'healthy' : score >= 50 ? 'monitor' : score >= 30 ? 'at_risk' : 'critical';
}

/** A seeded portfolio where lower scores churn more often; `noise` blurs the score's signal. */
function portfolio(accounts: number, months: number, noise: number): Observation[] {
  const random = mulberry32(7);
  const out: Observation[] = [];
  for (let a = 0; a < accounts; a++) {
    const base = Math.floor(random() * 101);
    const churnMonth = random() < 0.6 * (1 - base / 100) ** 2 ? Math.floor(random() * months) : -1;
    for (let m = 0; m < months; m++) {
      const blur = Math.round((random() - 0.5) * noise);
      const score = Math.max(0, Math.min(100, base + blur));
      out.push({
        accountId: `a${a}`,
        month: `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
        score,
        tier: tierOf(score),
        churned: churnMonth >= m && churnMonth - m < 3,
      });
    }
  }
  return out;
}

function model(name: string, label: string, observations: Observation[]): ModelBacktest {
  const histogram = new Float64Array(SCORE_CODES);
  for (const o of observations) {
    if (o.score !== null) histogram[scoreCode(o.score, o.churned)]! += 1;
  }
  return {
    name,
    version: '3',
    label,
    metrics: backtestMetrics(observations, {
      tiers: TIERS,
      alarmTiers: ['at_risk', 'critical'],
      seed: 1,
      resamples: 50,
    }),
    roc: rocFromHistogram(histogram),
  };
}

function report(models: ModelBacktest[]): BacktestReport {
  return {
    portal: 'Acme & <Sons>',
    generatedAt: '2025-07-01T09:30:00.000Z',
    horizonDays: 90,
    from: '2024-01',
    to: '2025-06',
    outcome: 'churn',
    models,
    greenThenChurned: [
      {
        model: models[0]!.name,
        accounts: [
          {
            companyId: '101',
            name: HOSTILE,
            month: '2025-02',
            score: 82,
            tier: 'healthy',
            drivers: ['Logins up 20%', 'Support tickets <none>'],
          },
          {
            companyId: '102',
            name: null,
            month: '2025-03',
            score: null,
            tier: 'healthy',
            drivers: [],
          },
        ],
      },
    ],
  };
}

const longHistory = report([
  model('vitals-default', 'Current model', portfolio(300, 18, 10)),
  model('vitals-fitted', 'Fitted model', portfolio(300, 18, 60)),
]);
const shortHistory = report([model('vitals-default', 'Current model', portfolio(25, 3, 10))]);

function embeddedJson(page: string): string {
  const match = new RegExp(
    `<script type="application/json" id="${DATA_ELEMENT_ID}">([\\s\\S]*?)</script>`,
  ).exec(page);
  if (!match) throw new Error('No embedded report in the page.');
  return match[1]!;
}

describe('renderBacktestHtml', () => {
  it('links nothing outside the page: no URL, no src or href, no CSS import', () => {
    const page = renderBacktestHtml(longHistory, FAKE_CHART_JS);
    expect(page).not.toMatch(/https?:\/\//i);
    expect(page).not.toMatch(/\s(src|href)=/i);
    expect(page).not.toMatch(/@import|url\(/i);
    expect(page).toContain(`<script>${FAKE_CHART_JS}</script>`);
  });

  it('names every model and shows its AUC with its interval', () => {
    const page = renderBacktestHtml(longHistory, FAKE_CHART_JS);
    for (const m of longHistory.models) {
      expect(page).toContain(escapeHtml(m.name));
      expect(page).toContain(escapeHtml(m.label));
      expect(m.metrics.auc).not.toBeNull();
      expect(page).toContain(escapeHtml(formatEstimate(m.metrics.auc, formatAuc).text));
    }
    expect(page).toContain('Acme &amp; &lt;Sons&gt;');
    expect(page).toContain('January 2024 to June 2025');
    expect(page).toContain('90 days');
  });

  it('escapes a hostile company name in the table and in the embedded JSON', () => {
    const page = renderBacktestHtml(longHistory, FAKE_CHART_JS);
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain(escapeHtml(HOSTILE));
    expect(embeddedJson(page)).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    // Exactly the page's own three scripts open and close.
    expect(page.match(/<script/gi)).toHaveLength(3);
    expect(page.match(/<\/script/gi)).toHaveLength(3);
    expect(page).not.toContain('<!--');
  });

  it('embeds the report as JSON that parses back to it', () => {
    const page = renderBacktestHtml(longHistory, FAKE_CHART_JS);
    expect(JSON.parse(embeddedJson(page))).toEqual(longHistory);
  });

  it('puts the cautions before the figures and leads an uncertain AUC with its interval', () => {
    const m = shortHistory.models[0]!;
    expect(m.metrics.cautions.length).toBeGreaterThan(0);
    expect(m.metrics.auc?.firm).toBe(false);
    const page = renderBacktestHtml(shortHistory, FAKE_CHART_JS);
    for (const caution of m.metrics.cautions) expect(page).toContain(escapeHtml(caution.message));
    expect(page.indexOf('Read these first')).toBeLessThan(page.indexOf('side by side'));
    const auc = m.metrics.auc!;
    expect(page).toContain(
      `${formatAuc(auc.low)}–${formatAuc(auc.high)} (uncertain, best guess ${formatAuc(auc.value)})`,
    );
  });

  it('shows no caution section when there is nothing to caution about', () => {
    const calm = {
      ...longHistory,
      models: longHistory.models.map((m) => ({ ...m, metrics: { ...m.metrics, cautions: [] } })),
    };
    expect(renderBacktestHtml(calm, FAKE_CHART_JS)).not.toContain('Read these first');
  });

  it('lists the green-then-churned accounts with their month, score and drivers', () => {
    const page = renderBacktestHtml(longHistory, FAKE_CHART_JS);
    expect(page).toContain('February 2025');
    expect(page).toContain('<td class="num">82</td>');
    expect(page).toContain('Support tickets &lt;none&gt;');
    expect(page).toContain('Unnamed company');
  });

  it('draws the three charts from the embedded report', () => {
    const page = renderBacktestHtml(longHistory, FAKE_CHART_JS);
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const charts = new Map<string, { type: string; data: { datasets: { data: unknown[] }[] } }>();
    const canvases = new Map<string, { id: string }>(
      Object.values(CHART_IDS).map((id) => [id, { id }]),
    );
    const document = {
      getElementById: (id: string) =>
        id === DATA_ELEMENT_ID ? { textContent: embeddedJson(page) } : canvases.get(id),
    };
    const window = {
      Chart: function FakeChart(canvas: { id: string }, config: never) {
        charts.set(canvas.id, config);
      },
    };
    runInNewContext(scripts.at(-1)!, { window, document });

    expect([...charts.keys()].sort()).toEqual(Object.values(CHART_IDS).sort());
    const first = longHistory.models[0]!;
    const bars = charts.get(CHART_IDS.tiers)!;
    expect(bars.data.datasets).toHaveLength(2);
    expect(bars.data.datasets[0]!.data).toEqual(
      first.metrics.tiers.map((t) => (t.rate === null ? null : Math.round(t.rate * 1000) / 10)),
    );
    const roc = charts.get(CHART_IDS.roc)!;
    // One line per model and the diagonal.
    expect(roc.data.datasets).toHaveLength(3);
    expect(roc.data.datasets[0]!.data).toHaveLength(first.roc.length);
    expect(charts.get(CHART_IDS.calibration)!.data.datasets[0]!.data).toHaveLength(
      first.metrics.calibration.length,
    );
  });
});

describe('chart.js source', () => {
  it('resolves the installed UMD build and inlines it whole', () => {
    expect(chartJsUmdPath()).toMatch(/chart\.js[\\/]dist[\\/]chart\.umd\.js$/);
    const source = readChartJsSource();
    expect(source.length).toBeGreaterThan(100_000);
    const page = renderBacktestHtml(longHistory, source);
    const code = source.replace(/^\/\/# sourceMappingURL=.*$/m, '');
    expect(page).toContain(code);
    // Outside the library's own comments and strings, still no URL.
    expect(page.replace(code, '')).not.toMatch(/https?:\/\//i);
    expect(page).not.toContain('sourceMappingURL');
  });

  it('draws every chart with the real chart.js, in a stand-in for the browser', () => {
    const page = renderBacktestHtml(longHistory, readChartJsSource());
    const [library, charts] = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const { window, failures } = browserStandIn(embeddedJson(page));
    // The page's global object is its window, as in a browser.
    const context = createContext(window);
    runInContext(library!, context);
    runInContext(charts!, context);

    expect(failures).toEqual([]);
    const chartClass = window['Chart'] as { instances: Record<string, DrawnChart> };
    const drawn = Object.values(chartClass.instances);
    expect(drawn.map((c) => c.config.type)).toEqual(['bar', 'scatter', 'line']);
    for (const chart of drawn) {
      // Laid out: scales built and every dataset's points placed.
      expect(Object.keys(chart.scales).sort()).toEqual(['x', 'y']);
      expect(chart.getDatasetMeta(0).data.length).toBeGreaterThan(0);
    }
  });
});

interface DrawnChart {
  config: { type: string };
  scales: Record<string, unknown>;
  getDatasetMeta(i: number): { data: unknown[] };
}

/**
 * Just enough of a browser for chart.js to lay its charts out: canvases in a connected
 * 600×340 box, a 2D context whose drawing calls do nothing, and observers that never fire.
 */
function browserStandIn(json: string): { window: Record<string, unknown>; failures: string[] } {
  const failures: string[] = [];
  const noop = () => undefined;
  const window: Record<string, unknown> = {};
  const box = { left: 0, top: 0, width: 600, height: 340 };
  const ownerDocument = { defaultView: window };
  const canvas = (id: string) => {
    const element: Record<string, unknown> = {
      id,
      width: 600,
      height: 340,
      style: {},
      ownerDocument,
      parentNode: {
        ownerDocument,
        isConnected: true,
        clientWidth: 600,
        clientHeight: 340,
        getBoundingClientRect: () => box,
      },
      getBoundingClientRect: () => box,
      getAttribute: () => null,
      setAttribute: noop,
      removeAttribute: noop,
      addEventListener: noop,
      removeEventListener: noop,
      replaceWith: (node: { text: string }) => failures.push(`${id}: ${node.text}`),
    };
    const context2d = new Proxy({} as Record<string | symbol, unknown>, {
      get: (target, key) =>
        key in target
          ? target[key]
          : key === 'canvas'
            ? element
            : key === 'measureText'
              ? (text: string) => ({ width: String(text).length * 6 })
              : noop,
      set: (target, key, value) => {
        target[key] = value;
        return true;
      },
    });
    element['getContext'] = () => context2d;
    return element;
  };
  const canvases = new Map<string, unknown>(Object.values(CHART_IDS).map((id) => [id, canvas(id)]));
  const observer = class {
    observe = noop;
    disconnect = noop;
  };
  Object.assign(window, {
    window,
    self: window,
    devicePixelRatio: 1,
    addEventListener: noop,
    removeEventListener: noop,
    requestAnimationFrame: () => 0,
    getComputedStyle: () => ({ getPropertyValue: () => '' }),
    MutationObserver: observer,
    ResizeObserver: observer,
    document: {
      getElementById: (id: string) =>
        id === DATA_ELEMENT_ID ? { textContent: json } : canvases.get(id),
      createTextNode: (text: string) => ({ text }),
    },
  });
  return { window, failures };
}

describe('formatEstimate', () => {
  it('writes a firm estimate as the value with its interval, an uncertain one interval first', () => {
    const auc = { value: 0.74, low: 0.7, high: 0.78 };
    expect(formatEstimate({ ...auc, firm: true }, formatAuc)).toEqual({
      text: '0.74 (0.70–0.78)',
      firm: true,
    });
    expect(formatEstimate({ ...auc, firm: false }, formatAuc)).toEqual({
      text: '0.70–0.78 (uncertain, best guess 0.74)',
      firm: false,
    });
    expect(formatEstimate(null, formatAuc).text).toBe('—');
    // Every resample agreeing gives an interval of one number: not written twice.
    const all = { value: 1, low: 1, high: 1 };
    expect(formatEstimate({ ...all, firm: false }, formatPercent).text).toBe('100% (uncertain)');
    expect(formatEstimate({ ...all, firm: true }, formatPercent).text).toBe('100%');
  });
});
