import { DateTime } from 'luxon';
import type { Explanation } from '../../../src/scoring/explain-score.ts';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import type {
  AccountFacts,
  LifecycleFacts,
  NoteAction,
  PlayInput,
  PlayOutcome,
  PlaySettings,
  TaskAction,
} from '../../../src/plays/play-types.ts';
import { verdictOf } from '../plays/outcome-views.ts';
import { account, input, settings } from '../plays/play-input.ts';

// One lifecycle scenario: an account on a local calendar day of a non-UTC portal, evaluated at
// 07:00 there (the daily run), with the lifecycle facts the shell read.

/** East and west of UTC: a local date is another UTC date at one end of the day or the other. */
export const ZONES = ['Europe/Berlin', 'America/Los_Angeles'] as const;

/** An instant at a wall-clock time of a local date in a zone. */
export function localInstant(date: string, time: string, zone: string): Date {
  const at = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!at.isValid) throw new Error(`not a local time: ${date} ${time} ${zone}`);
  return at.toJSDate();
}

/**
 * An instant of the local date `date` that falls on another UTC date: just after midnight east of
 * UTC (the evening before in UTC), late in the evening west of it (the next day in UTC), so a play
 * that counted UTC days would be a day off. Accounts sign, log in and are called at such times.
 */
export function atDayEdge(date: string, zone: string): string {
  const offset = DateTime.fromISO(date, { zone }).offset;
  return localInstant(date, offset > 0 ? '00:30' : '21:00', zone).toISOString();
}

/** A local date `days` calendar days after `date`. */
export function plus(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}

export interface Scenario {
  zone?: string;
  /** The local date of the evaluation. */
  today: string;
  /** Its local time: the daily run's 07:00 unless given. */
  time?: string;
  /** The local date the account became a customer; null: HubSpot holds none; absent: not mapped. */
  start?: string | null;
  /** The lifecycle facts read this evaluation (default: none logged); 'not read': none were. */
  lifecycle?: LifecycleFacts | 'not read';
  account?: Partial<AccountFacts>;
  settings?: Partial<PlaySettings>;
  current?: Explanation;
  history?: PlayInput['history'];
  baseline?: boolean;
}

/** An enterprise account with an owner, a champion and a primary contact (no sponsor). */
export function scenarioInput(s: Scenario): PlayInput {
  const zone = s.zone ?? 'Europe/Berlin';
  const since =
    s.start === undefined
      ? {}
      : { customerSince: s.start === null ? null : atDayEdge(s.start, zone) };
  return input({
    now: localInstant(s.today, s.time ?? '07:00', zone),
    account: account({
      segment: 'enterprise',
      mrr: 8000,
      ...since,
      ...(s.lifecycle === 'not read' ? {} : { lifecycle: s.lifecycle ?? facts() }),
      ...s.account,
    }),
    settings: settings({ timeZone: zone, ...s.settings }),
    baseline: s.baseline ?? false,
    ...(s.current === undefined ? {} : { current: s.current }),
    ...(s.history === undefined ? {} : { history: s.history }),
  });
}

export const evaluate = (s: Scenario): PlayOutcome => evaluatePlays(scenarioInput(s));

export type LifecycleAction = TaskAction | NoteAction;

/** The lifecycle plays' tasks and notes among a list of actions. */
export function lifecycleOnly(actions: readonly PlayOutcome['actions'][number][]) {
  return actions.filter(
    (a): a is LifecycleAction =>
      a.kind === 'note' || (a.kind === 'task' && a.track === 'lifecycle'),
  );
}

/** The tasks and notes one rule made in the outcome's actions. */
export const madeBy = (outcome: PlayOutcome, ruleId: string): LifecycleAction[] =>
  lifecycleOnly(outcome.actions).filter((a) => a.ruleId === ruleId);

/** The episode the rule acted on, or null when it made nothing. */
export function episodeOf(outcome: PlayOutcome, ruleId: string): string | null {
  const episodes = [...new Set(madeBy(outcome, ruleId).map((a) => a.episode))];
  if (episodes.length > 1) throw new Error(`${ruleId} acted on ${episodes.join(', ')}`);
  return episodes[0] ?? null;
}

/** The rule's verdict in words. */
export function whyOf(outcome: PlayOutcome, ruleId: string): string {
  const verdict = verdictOf(outcome, ruleId);
  if (!verdict) throw new Error(`no verdict for ${ruleId}`);
  return verdict.why;
}

export const firedOf = (outcome: PlayOutcome, ruleId: string): boolean =>
  verdictOf(outcome, ruleId)?.fired ?? false;

/** Lifecycle facts as the daily run reads them: nothing logged unless given. */
export const facts = (over: Partial<LifecycleFacts> = {}): LifecycleFacts => ({
  lastTouchAt: null,
  ...over,
});
