import { filterAccounts } from './filter-accounts.ts';
import { memoParse } from './memo-parse.ts';
import { mrrAt } from './mrr-at.ts';
import { npsScore, type NpsFigure } from './nps-score.ts';
import type { MrrHistory, NpsRating, PortfolioAccount, ReportFilter } from './report-input.ts';
import { reportPeriod } from './report-period.ts';
import {
  retentionFigures,
  type Movement,
  type RetentionFigures,
  type RetentionRow,
} from './retention-figures.ts';

export interface RetentionInput {
  /** Names, owners and segments of the companies (for the filter and the rows). */
  accounts: readonly Pick<PortfolioAccount, 'companyId' | 'name' | 'ownerId' | 'segment' | 'mrr'>[];
  history: MrrHistory;
  ratings?: readonly NpsRating[];
  /** YYYY-MM-DD (the whole day) or ISO times; both ends included. */
  from: string;
  to: string;
}

export interface RetentionReport extends RetentionFigures {
  kind: 'retention';
  filter: ReportFilter;
  from: string;
  to: string;
  /** The instants compared: `from` moves to when the MRR record begins if that is later. */
  startsAt: string;
  endsAt: string;
  notes: string[];
  /** Null when no ratings were given. */
  nps: NpsFigure | null;
  formulas: string[];
  rows: RetentionRow[];
}

export const RETENTION_FORMULAS = [
  'NRR = (start MRR + expansion − contraction − churn) / start MRR × 100',
  'GRR = (start MRR − contraction − churn) / start MRR × 100',
  'Logo churn = accounts lost / accounts at the start × 100',
  'NPS = % promoters (9–10) − % detractors (0–6), from each contact’s latest answer',
  'The accounts at the start are those paying then; each is compared with what it pays at the ' +
    'end. Accounts that started paying or came back during the period are listed apart.',
];

export const NO_NPS_ANSWERS =
  'No NPS answer is on record up to the end of the period. Runs record each contact’s ' +
  'hs_feedback_last_nps_rating with its survey date (hs_feedback_last_survey_date).';

/** NRR, GRR, logo churn, expansion and contraction over a period, from the MRR history. */
export function retentionReport(input: RetentionInput, filter: ReportFilter = {}): RetentionReport {
  const period = reportPeriod(input.from, input.to);
  const parse = memoParse();
  const { start, notes } = startOfRecord(input.history, period.start, period.end, parse);
  const names = new Map(input.accounts.map((a) => [a.companyId, a.name]));
  const filtered = filter.owner !== undefined || filter.segment !== undefined;
  const kept = new Set(filterAccounts(input.accounts, filter).map((a) => a.companyId));
  const keep = (id: string) => !filtered || kept.has(id);
  const rows: RetentionRow[] = [];
  for (const [companyId, points] of Object.entries(input.history)) {
    if (!keep(companyId)) continue;
    const row = movement(points, start, period.end, parse);
    if (row) rows.push({ companyId, name: names.get(companyId) ?? null, ...row });
  }
  rows.sort((a, b) => b.start - a.start || b.end - a.end || a.companyId.localeCompare(b.companyId));
  const nps = input.ratings ? npsScore(input.ratings, period.end, keep) : null;
  if (nps?.responses === 0) notes.push(NO_NPS_ANSWERS);
  return {
    kind: 'retention',
    filter,
    from: input.from,
    to: input.to,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(period.end).toISOString(),
    notes,
    nps,
    formulas: RETENTION_FORMULAS,
    ...retentionFigures(rows),
    rows,
  };
}

/** Where the count starts: the period's start, or the first recorded MRR when that is later. */
function startOfRecord(
  history: MrrHistory,
  from: number,
  to: number,
  parse: (iso: string) => number,
) {
  let first = Infinity;
  for (const points of Object.values(history))
    if (points[0]) first = Math.min(first, parse(points[0].at));
  if (first === Infinity) return { start: from, notes: ['No MRR has been recorded yet.'] };
  const on = new Date(first).toISOString().slice(0, 10);
  if (first > to)
    return { start: from, notes: [`The period ends before Vitals began recording MRR (${on}).`] };
  if (first <= from) return { start: from, notes: [] };
  return {
    start: first,
    notes: [`Vitals began recording MRR on ${on}: the period is counted from then.`],
  };
}

function movement(
  points: MrrHistory[string],
  start: number,
  end: number,
  parse: (iso: string) => number,
) {
  const before = mrrAt(points, start, parse) ?? 0;
  const after = mrrAt(points, end, parse) ?? 0;
  if (before === 0 && after === 0) return null;
  return { start: before, end: after, movement: kindOf(points, before, after, start, parse) };
}

function kindOf(
  points: MrrHistory[string],
  before: number,
  after: number,
  start: number,
  parse: (iso: string) => number,
): Movement {
  if (before === 0)
    return points.some((p) => p.mrr > 0 && parse(p.at) < start) ? 'won-back' : 'new';
  if (after === 0) return 'churn';
  if (after === before) return 'unchanged';
  return after > before ? 'expansion' : 'contraction';
}
