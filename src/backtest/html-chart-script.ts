/** Id of the `<script type="application/json">` element the charts read the report from. */
export const DATA_ELEMENT_ID = 'backtest-data';

/** Ids of the canvases the chart script draws on. */
export const CHART_IDS = {
  tiers: 'chart-tiers',
  roc: 'chart-roc',
  calibration: 'chart-calibration',
} as const;

/**
 * The browser script that draws the three charts from the embedded report with the inlined
 * Chart.js. Plain ES2017 in a string, since it runs in the reader's browser, not in Node; the
 * tables are rendered on the server, so a chart that fails still leaves every figure readable.
 */
export const CHART_SCRIPT = `(function () {
  'use strict';
  var dataElement = document.getElementById(${JSON.stringify(DATA_ELEMENT_ID)});
  var report = JSON.parse(dataElement.textContent);
  var Chart = window.Chart;
  if (!Chart) return;
  var palette = ['#2563eb', '#d97706', '#059669', '#7c3aed', '#dc2626', '#0891b2', '#4b5563'];
  var models = report.models;
  function color(i) { return palette[i % palette.length]; }
  function percent(share) { return share === null ? null : Math.round(share * 1000) / 10; }
  function axis(text, max) {
    var scale = { beginAtZero: true, title: { display: true, text: text } };
    if (max !== undefined) scale.max = max;
    return scale;
  }
  function percentTooltip() {
    return { callbacks: { label: function (c) { return c.dataset.label + ': ' + c.formattedValue + '%'; } } };
  }
  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    config.options = Object.assign({ animation: false, maintainAspectRatio: false }, config.options);
    try { new Chart(canvas, config); } catch (error) { canvas.replaceWith(document.createTextNode('This chart could not be drawn: ' + error)); }
  }

  var tiers = [];
  models.forEach(function (m) {
    m.metrics.tiers.forEach(function (t) { if (tiers.indexOf(t.tier) < 0) tiers.push(t.tier); });
  });
  draw(${JSON.stringify(CHART_IDS.tiers)}, {
    type: 'bar',
    data: {
      labels: tiers,
      datasets: models.map(function (m, i) {
        return {
          label: m.label,
          backgroundColor: color(i),
          data: tiers.map(function (tier) {
            var rate = m.metrics.tiers.find(function (t) { return t.tier === tier; });
            return rate ? percent(rate.rate) : null;
          })
        };
      })
    },
    options: { scales: { y: axis('Followed by churn (%)') }, plugins: { tooltip: percentTooltip() } }
  });

  var curves = models.map(function (m, i) {
    return {
      label: m.label,
      borderColor: color(i),
      backgroundColor: color(i),
      showLine: true,
      pointRadius: 0,
      data: m.roc.map(function (p) {
        return { x: p.falsePositiveRate, y: p.truePositiveRate, threshold: p.threshold };
      })
    };
  });
  curves.push({
    label: 'No better than chance',
    borderColor: '#9aa5b1',
    borderDash: [6, 4],
    showLine: true,
    pointRadius: 0,
    data: [{ x: 0, y: 0 }, { x: 1, y: 1 }]
  });
  draw(${JSON.stringify(CHART_IDS.roc)}, {
    type: 'scatter',
    data: { datasets: curves },
    options: {
      scales: {
        x: axis('False alarms: share of staying accounts flagged', 1),
        y: axis('Churn caught: share of churned accounts flagged', 1)
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: function (c) {
              var p = c.raw;
              if (p.threshold === undefined || p.threshold === null) return c.dataset.label;
              return c.dataset.label + ': flagging scores up to ' + p.threshold + ' catches ' +
                Math.round(p.y * 100) + '% of churn for ' + Math.round(p.x * 100) + '% false alarms';
            }
          }
        }
      }
    }
  });

  var bands = [];
  models.forEach(function (m) {
    m.metrics.calibration.forEach(function (b) {
      var label = b.low + '–' + b.high;
      if (bands.indexOf(label) < 0) bands.push(label);
    });
  });
  draw(${JSON.stringify(CHART_IDS.calibration)}, {
    type: 'line',
    data: {
      labels: bands,
      datasets: models.map(function (m, i) {
        return {
          label: m.label,
          borderColor: color(i),
          backgroundColor: color(i),
          spanGaps: true,
          data: bands.map(function (label) {
            var band = m.metrics.calibration.find(function (b) { return b.low + '–' + b.high === label; });
            return band ? percent(band.rate) : null;
          })
        };
      })
    },
    options: {
      scales: { x: { title: { display: true, text: 'Health score' } }, y: axis('Followed by churn (%)') },
      plugins: { tooltip: percentTooltip() }
    }
  });
})();
`;
