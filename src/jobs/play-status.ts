import type { CardPlay } from '../../extensions/app/cards/card-contract.ts';
import type { LedgerEntry } from '../store/store.ts';
import { closingReason } from './closing-reason.ts';
import { heldUntil } from './held-until.ts';
import type { PlayRef } from './card-snapshot.ts';
import { playEntries } from './play-ledger.ts';

/** How a dismissal reads in the ledger: a skipped entry whose detail starts with this. */
export const DISMISSED = 'Dismissed: ';

export type PlayState = Pick<CardPlay, 'status' | 'taskId' | 'detail' | 'heldUntil'>;

export interface StatusClock {
  now: Date;
  /** The plays' time zone (plays.timeZone); null when plays are off, so nothing is released. */
  timeZone: string | null;
}

/**
 * What the ledger says of a play: a task in HubSpot wins (it is there whatever else happened),
 * completed when Vitals closed it at the end of its episode; then a dismissal (a person's later
 * decision), a task held by a daily cap, a task Vitals skipped or HubSpot refused, enrolments;
 * anything else is open.
 */
export function playStatus(
  play: Pick<PlayRef, 'id' | 'actions'>,
  ledger: readonly LedgerEntry[],
  clock: StatusClock,
): PlayState {
  const entries = playEntries(play, ledger);
  const tasks = entries.filter((e) => e.kind === 'task');
  const done = ownersFirst(tasks.filter((e) => e.status === 'done'));
  if (done) {
    const close = ledger.find((e) => e.key === `${done.key}:close` && e.status === 'done');
    const taskId = done.hubspotId;
    if (close) return state('completed', { taskId, detail: closingReason(close.action) });
    return state('task-created', { taskId });
  }
  const dismissed = entries.find(isDismissal);
  if (dismissed) return state('dismissed', { detail: dismissed.detail!.slice(DISMISSED.length) });
  const held = ownersFirst(tasks.filter((e) => e.status === 'held'));
  if (held) return state('held', { detail: held.detail, heldUntil: releasedAt(held, clock) });
  const notMade = tasks.find((e) => e.status === 'skipped' || e.status === 'failed');
  if (notMade) return state('skipped', { detail: whyNotMade(notMade) });
  const enrolments = entries.filter((e) => e.kind === 'enroll');
  if (enrolments.some((e) => e.status === 'done')) return state('enrolled');
  const skipped = enrolments.find((e) => e.status === 'skipped');
  if (skipped) return state('skipped', { detail: skipped.detail });
  return state('open');
}

export function isDismissal(entry: LedgerEntry): boolean {
  return entry.status === 'skipped' && (entry.detail ?? '').startsWith(DISMISSED);
}

function state(status: PlayState['status'], rest: Partial<PlayState> = {}): PlayState {
  return { status, taskId: null, detail: null, heldUntil: null, ...rest };
}

/** The account owner's task speaks for the play; a manager's escalation copy only without it. */
function ownersFirst(tasks: readonly LedgerEntry[]): LedgerEntry | undefined {
  return tasks.find((e) => e.action.kind === 'task' && e.action.route !== 'manager') ?? tasks[0];
}

/** Null once the day has come (the next run releases it) or when no run will. */
function releasedAt(held: LedgerEntry, clock: StatusClock): string | null {
  if (clock.timeZone === null) return null;
  const at = heldUntil(held.updatedAt, clock.timeZone);
  return at !== null && Date.parse(at) > clock.now.getTime() ? at : null;
}

function whyNotMade(entry: LedgerEntry): string | null {
  if (entry.status === 'failed')
    return `HubSpot refused the task: ${entry.detail ?? 'no reason given'}`;
  return entry.detail;
}
