import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where chart.js's UMD build is. The package exports no path to it, so it is found beside the
 * entry point `require` resolves (dist/chart.cjs), wherever npm put the package.
 */
export function chartJsUmdPath(): string {
  const entry = createRequire(import.meta.url).resolve('chart.js');
  return join(dirname(entry), 'chart.umd.js');
}

/** The text of chart.js's UMD build, to inline in a page that must work with no network. */
export function readChartJsSource(): string {
  return readFileSync(chartJsUmdPath(), 'utf8');
}
