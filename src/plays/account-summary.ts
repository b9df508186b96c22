import type { Explanation } from '../scoring/explain-score.ts';
import { daysUntil } from './local-time.ts';
import type { AccountFacts, HistoryPoint, PlaySettings } from './play-types.ts';
import { shownDate } from './shown-date.ts';
import { tierLabel } from './tier-positions.ts';

const MONEY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The facts every task repeats: health and its change, what costs points, MRR, renewal. */
export function accountSummary(
  account: AccountFacts,
  current: Explanation,
  baseline: HistoryPoint | null,
  now: Date,
  settings: PlaySettings,
): string {
  return [
    `Health: ${health(current, baseline, settings)}`,
    `Costing the most: ${drivers(current)}`,
    `MRR: ${account.mrr === null ? 'unknown' : `$${MONEY.format(account.mrr)}`}`,
    `Renewal: ${renewal(account.renewalDate, now, settings)}`,
  ].join('\n');
}

function health(current: Explanation, baseline: HistoryPoint | null, settings: PlaySettings) {
  if (current.score === null) return 'no score yet (no data)';
  const score = `${current.score}/100, ${tierLabel(current.tier)} (data coverage ${current.coverage} %)`;
  if (!baseline || baseline.score === null) return `${score}; no earlier score to compare`;
  const change = current.score - baseline.score;
  const since = shownDate(baseline.scoredAt, settings.timeZone);
  if (change === 0) return `${score}; unchanged since ${since}`;
  return `${score}; ${change < 0 ? 'down' : 'up'} ${Math.abs(change)} since ${since} (${baseline.score})`;
}

function drivers(current: Explanation): string {
  if (current.drivers.length === 0) return 'nothing notable';
  return current.drivers.map((d) => `${d.label} (−${points(d.impact)})`).join(', ');
}

function points(impact: number): string {
  const lost = Math.abs(impact);
  return lost >= 1 ? String(Math.round(lost)) : lost.toFixed(1);
}

function renewal(date: string | null, now: Date, settings: PlaySettings): string {
  if (date === null) return 'date unknown';
  const days = daysUntil(date, now, settings.timeZone);
  if (days === null) return `unreadable date "${date}"`;
  if (days === 0) return `${date}, today`;
  return days > 0 ? `${date}, in ${days} days` : `${date}, ${-days} days ago`;
}
