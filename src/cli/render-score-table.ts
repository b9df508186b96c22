import type { Model } from '../scoring/model-schema.ts';
import { describeDriver } from './describe-driver.ts';
import { renderTable, type Column } from './render-table.ts';
import { tierColor } from './tier-color.ts';
import type { ResultRow } from './to-result-row.ts';

const SEGMENTS: Record<string, string> = {
  enterprise: 'Enterprise',
  mid_market: 'Mid-market',
  smb: 'SMB',
  trial: 'Trial',
};
const NAME_WIDTH = 32;

/** The scored accounts as aligned lines for people; tiers coloured when `color` is on. */
export function renderScoreTable(
  rows: readonly ResultRow[],
  model: Model,
  color: boolean,
): string[] {
  const tiers = new Map(model.tiers.map((t) => [t.key, t]));
  const paint = tierColor(color);
  const columns: Column<ResultRow>[] = [
    { header: 'ID', text: (r) => r.id },
    { header: 'NAME', text: (r) => cut(r.name ?? '', NAME_WIDTH) },
    { header: 'SEGMENT', text: (r) => (r.segment ? (SEGMENTS[r.segment] ?? r.segment) : '') },
    { header: 'SCORE', align: 'right', text: (r) => (r.score === null ? '-' : String(r.score)) },
    {
      header: 'TIER',
      text: (r) => tiers.get(r.tier)?.label ?? 'No data',
      paint: (r, padded) => paint(tiers.get(r.tier)?.color ?? null)(padded),
    },
    { header: 'COVERAGE', align: 'right', text: (r) => `${r.coverage}%` },
    { header: 'TOP DRIVER', text: (r) => describeDriver(r, model) },
  ];
  return renderTable(rows, columns);
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
