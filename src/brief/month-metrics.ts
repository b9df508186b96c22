import { parseInstant } from '../plays/local-time.ts';
import type { HistoryPoint } from '../plays/play-types.ts';
import type { BriefInput } from './brief-input.ts';
import type { BriefSection } from './brief-types.ts';
import { changeWords, money, oneDecimal, signed, tierName } from './brief-words.ts';
import { mrrInForce } from './mrr-readings.ts';
import type { ReportMonth } from './report-months.ts';

const NONE = '—';

/** The reading in force when a month ended: the store keeps a reading only when the score moved. */
export function readingAtEnd(
  history: readonly HistoryPoint[],
  month: ReportMonth,
): HistoryPoint | null {
  const end = month.end.getTime();
  let found: HistoryPoint | null = null;
  for (const point of history) {
    const at = parseInstant(point.scoredAt)?.getTime();
    if (at !== undefined && at < end) found = point;
  }
  return found;
}

/** The month's figures against the month before: score, each dimension, and MRR where recorded. */
export function monthMetrics(
  input: BriefInput,
  month: ReportMonth,
  before: ReportMonth,
): BriefSection {
  const now = readingAtEnd(input.history, month);
  const then = readingAtEnd(input.history, before);
  const lines: string[] = [];
  const missing: string[] = [];
  const rows: string[][] = [];
  const row = (
    label: string,
    a: number | null,
    b: number | null,
    shown: (n: number) => string,
    digits: number,
  ) =>
    rows.push([
      label,
      a === null ? NONE : shown(a),
      b === null ? NONE : shown(b),
      a === null || b === null ? NONE : signed(b - a, digits),
    ]);

  const score = now?.score ?? null;
  const earlier = then?.score ?? null;
  if (now === null || score === null) {
    missing.push(
      `No score stored for ${month.label}: the report fills in once Vitals has scored the account through a month.`,
    );
  } else {
    const tier = tierName(input.tiers, now.tier);
    const change =
      earlier === null
        ? `; no score for ${before.name} to compare with`
        : `, ${changeWords(score - earlier)} from ${before.name}`;
    lines.push(`Health score ${score}/100 at the end of ${month.name} (${tier})${change}.`);
  }
  row('Health score', earlier, score, String, 0);
  for (const [key, d] of Object.entries(input.current.dimensions))
    row(
      `${d.label} (out of 10)`,
      then?.dimensions[key] ?? null,
      now?.dimensions[key] ?? null,
      oneDecimal,
      1,
    );

  const mrrNow = mrrInForce(input.mrrHistory, month.end.getTime() - 1)?.mrr ?? null;
  const mrrThen = mrrInForce(input.mrrHistory, before.end.getTime() - 1)?.mrr ?? null;
  if (mrrNow !== null || mrrThen !== null) rows.push(mrrRow(mrrThen, mrrNow));
  else if (input.account.mrr === null)
    missing.push(
      "No MRR in HubSpot: set the company's MRR property so Vitals records it each month.",
    );
  else missing.push(`No MRR recorded for ${month.name} yet: Vitals records it month by month.`);

  // A row of dashes says nothing the missing lines do not say better.
  const shown = rows.filter((r) => r[1] !== NONE || r[2] !== NONE);
  if (shown.length === 0)
    return { key: 'metrics', heading: `${month.label} at a glance`, lines, missing };
  lines.push('Scores as they stood at the end of each month.');
  return {
    key: 'metrics',
    heading: `${month.label} at a glance`,
    lines,
    missing,
    table: { columns: ['Measure', before.name, month.name, 'Change'], rows: shown },
  };
}

function mrrRow(then: number | null, now: number | null): string[] {
  const change =
    then === null || now === null
      ? NONE
      : now === then
        ? '0'
        : `${now > then ? '+' : '−'}${money(Math.abs(now - then))}`;
  return ['MRR', then === null ? NONE : money(then), now === null ? NONE : money(now), change];
}
