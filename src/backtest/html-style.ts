/**
 * The page's whole style sheet. System fonts only: the page must look right opened from disk
 * with no network, so it loads nothing.
 */
export const BACKTEST_CSS = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #1f2933; background: #fff; margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.25em; margin: 32px 0 8px; border-bottom: 1px solid #d9e2ec; padding-bottom: 4px; }
h3 { font-size: 1.05em; margin: 20px 0 6px; }
.meta { color: #52606d; margin: 0; }
.meta dt { font-weight: 600; display: inline; }
.meta dd { display: inline; margin: 0 16px 0 4px; }
.cautions { background: #fff8e1; border-left: 4px solid #f0b429; padding: 8px 16px; }
.cautions li { margin: 4px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
thead th { background: #f5f7fa; }
td.num { font-variant-numeric: tabular-nums; }
.uncertain { color: #8d2b0b; font-style: italic; }
.rough { color: #7b8794; font-size: 0.85em; }
small, .note { color: #52606d; }
.chart { position: relative; height: 340px; margin: 8px 0 4px; }
dl.legend dt { font-weight: 600; margin-top: 8px; }
dl.legend dd { margin: 0 0 0 16px; }
`;
