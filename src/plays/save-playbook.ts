import { discountSegment, type PayingSegment } from './account-segment.ts';
import { discountRule } from './discount-rule.ts';
import type { ReasonFinding } from './likely-reason.ts';
import { parseInstant } from './local-time.ts';
import type { AccountFacts, TrackState } from './play-types.ts';
import { REASON_MOVES } from './reason-moves.ts';
import { shownDate } from './shown-date.ts';

const DAY_MS = 86_400_000;
/** Saved accounts are checked again at these days after the episode began. */
export const CHECKPOINT_DAYS = [30, 60, 90] as const;
const LISTEN_DAYS = 7;

export interface PlaybookContext {
  state: TrackState;
  account: AccountFacts;
  reason: ReasonFinding | null;
  now: Date;
  timeZone: string;
}

/**
 * The save playbook's five stages for this episode, each with its date, the stage the account is
 * in by now, and the moves for its one likely reason.
 */
export function savePlaybook(ctx: PlaybookContext): string {
  const opened = parseInstant(ctx.state.taskAt ?? ctx.state.openedAt) ?? ctx.now;
  // Reaching out is due by the earliest response time the news asked for; a later checkpoint's
  // due time is its own follow-up, not the reach-out's.
  const news = ctx.state.triggers.filter((t) => !t.baseline && !t.ruleId.startsWith('checkpoint-'));
  const firstDue = news.flatMap((t) => (t.dueAt ? [t.dueAt] : [])).sort()[0];
  const due = parseInstant(firstDue ?? ctx.state.dueAt) ?? opened;
  const listenBy = new Date(due.getTime() + LISTEN_DAYS * DAY_MS);
  const at = (n: number) => new Date(opened.getTime() + n * DAY_MS);
  const day = (n: number) => date(at(n), ctx.timeZone);
  // Each stage ends after the one before it, however late the reach-out is due.
  const interveneBy = new Date(Math.max(at(CHECKPOINT_DAYS[0]).getTime(), listenBy.getTime()));
  const stage = stageOf(ctx.now, opened, due, listenBy, interveneBy);
  const mark = (n: number) => (n === stage ? '  ← now' : '');
  const segment = discountSegment(ctx.account);
  // Small business (and an unknown segment) never gets a discount: not even "not yet".
  const later = allowsDiscount(segment) ? ' or offer a discount yet' : '';
  return [
    `Save playbook: stage ${stage} of 5 (episode began ${date(opened, ctx.timeZone)}).`,
    `1. Detect (${date(opened, ctx.timeZone)}): tell your manager; pull the history and a short summary of the value delivered.${mark(1)}`,
    `2. Reach out (by ${date(due, ctx.timeZone)}): personally. Do not mention churn${later}.${mark(2)}`,
    `3. Listen (by ${date(listenBy, ctx.timeZone)}): ask what would have to change for this to work for them.${mark(3)}`,
    `4. Intervene (by ${date(interveneBy, ctx.timeZone)}): ${intervention(ctx.reason, segment)}${mark(4)}`,
    `5. Outcome: if they stay, check health on day 30 (${day(30)}), day 60 (${day(60)}) and day 90 (${day(90)}); if they leave, ask for an exit interview.${mark(5)}`,
    `Discounts: ${discountRule(ctx.account)}`,
  ].join('\n');
}

function stageOf(now: Date, opened: Date, due: Date, listenBy: Date, interveneBy: Date): number {
  if (now >= interveneBy) return 5;
  if (now > listenBy) return 4;
  if (now > due) return 3;
  return now.getTime() - opened.getTime() < DAY_MS ? 1 : 2;
}

function intervention(finding: ReasonFinding | null, segment: PayingSegment | null): string {
  if (finding === null)
    return 'the score does not point to one reason; choose the moves once you have listened.';
  const { words, moves } = REASON_MOVES[finding.reason];
  const options = [...moves, ...(finding.reason === 'too-expensive' ? priceMoves(segment) : [])];
  const lost = Math.round(finding.lost);
  return `the likely reason is ${words} (${finding.dimension} costs ${lost} points). Options: ${options.join('; ')}.`;
}

/** A temporary discount is a last resort, and only where the segment allows one at all. */
function priceMoves(segment: PayingSegment | null): string[] {
  if (allowsDiscount(segment))
    return ['only as a last resort, a temporary discount within the limit below'];
  return [];
}

function allowsDiscount(segment: PayingSegment | null): boolean {
  return segment === 'enterprise' || segment === 'mid_market';
}

function date(at: Date, timeZone: string): string {
  return shownDate(at.toISOString(), timeZone);
}
