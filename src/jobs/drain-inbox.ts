import type { Gateway } from '../hubspot/create-gateway.ts';
import type { InboxEvent } from '../store/store.ts';
import { eventWork, type EventWork } from './inbox-event-companies.ts';
import type { RescoreCompanyDeps } from './rescore-company.ts';
import { rescoreCompanies } from './rescore-companies.ts';

export interface DrainDeps extends Omit<RescoreCompanyDeps, 'now' | 'gateway'> {
  gateway: RescoreCompanyDeps['gateway'] & Pick<Gateway, 'readAssociations'>;
  now: () => Date;
  /** A full pass, for a backlog too big to rescore company by company. */
  runFull: () => Promise<unknown>;
  /**
   * Who this drainer is: the events it takes are claimed in its name, so drainers of other
   * processes on the same store leave them alone. Absent: claims nothing (one process only).
   */
  claimer?: string;
}

/**
 * How long the events a drain takes stay its own: far longer than a drain lasts (retries
 * included), and short enough that another process picks up a dead one's events soon after.
 */
export const CLAIM_MS = 5 * 60_000;

export interface DrainOptions {
  /** Events taken per drain. */
  batch: number;
  /** More companies than this in one drain: a full run does it instead. */
  foldIntoRunAbove: number;
  /** Attempts before an event is dead. */
  maxAttempts: number;
}

export interface DrainSummary {
  events: number;
  companies: number;
  processed: number;
  ignored: number;
  failed: number;
  dead: number;
  fullRun: boolean;
}

export const DRAIN_DEFAULTS: DrainOptions = { batch: 500, foldIntoRunAbove: 2000, maxAttempts: 8 };

/** Seconds to wait before attempt n + 1: 10 s, 20 s, 40 s … up to an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * One drain of the webhook inbox: the events due, coalesced into the distinct companies they
 * touch (50 edits of one company are one rescore), rescored together through the run's own
 * chunk path. On failure the events are tried again later, and dead after maxAttempts.
 */
export async function drainInbox(deps: DrainDeps, options: DrainOptions): Promise<DrainSummary> {
  const now = deps.now();
  const claim = deps.claimer
    ? { holder: deps.claimer, until: new Date(now.getTime() + CLAIM_MS).toISOString() }
    : undefined;
  const events = await deps.store.pendingEvents(
    deps.portal,
    now.toISOString(),
    options.batch,
    claim,
  );
  const summary: DrainSummary = {
    events: events.length,
    companies: 0,
    processed: 0,
    ignored: 0,
    failed: 0,
    dead: 0,
    fullRun: false,
  };
  if (events.length === 0) return summary;
  const ignored: string[] = [];
  const idle: string[] = [];
  const working: InboxEvent[] = [];
  const companies = new Set<string>();
  const contacts = new Set<string>();
  const moves: Extract<EventWork, { kind: 'merge' | 'delete' | 'forget-contact' }>[] = [];
  for (const event of events) {
    const work = eventWork(event);
    if (work.kind === 'ignore') ignored.push(event.eventId);
    else if (work.kind === 'nothing') idle.push(event.eventId);
    else if (work.kind === 'merge' || work.kind === 'delete' || work.kind === 'forget-contact') {
      working.push(event);
      moves.push(work);
      if (work.kind === 'merge') companies.add(work.survivor);
    } else {
      working.push(event);
      for (const id of work.ids) (work.kind === 'companies' ? companies : contacts).add(id);
    }
  }
  await deps.store.settleEvents(deps.portal, ignored, 'ignored');
  await deps.store.settleEvents(deps.portal, idle, 'processed');
  summary.ignored = ignored.length;
  summary.processed = idle.length;
  const ids = working.map((e) => e.eventId);
  try {
    // Only merges and deletions depend on order: the rest read the current state from HubSpot.
    for (const move of moves) {
      if (move.kind === 'merge')
        await deps.store.mergeCompanies(deps.portal, move.merged, move.survivor);
      else if (move.kind === 'delete')
        await deps.store.forgetCompany(deps.portal, move.id, move.at);
      else await deps.store.forgetContact(deps.portal, move.id);
    }
    for (const move of moves) if (move.kind === 'delete') companies.delete(move.id);
    if (contacts.size > 0) {
      const links = await deps.gateway.readAssociations('contacts', 'companies', [...contacts]);
      for (const list of links.values()) for (const id of list) companies.add(id);
    }
    summary.companies = companies.size;
    if (companies.size > options.foldIntoRunAbove) {
      summary.fullRun = true;
      await deps.runFull();
    } else if (companies.size > 0) {
      await rescoreCompanies([...companies], { ...deps, now });
    }
    await deps.store.settleEvents(deps.portal, ids, 'processed');
    summary.processed += ids.length;
  } catch (error) {
    await failAll(deps, working, error, now, options.maxAttempts, summary);
  }
  return summary;
}

async function failAll(
  deps: DrainDeps,
  events: readonly InboxEvent[],
  error: unknown,
  now: Date,
  maxAttempts: number,
  summary: DrainSummary,
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  // Events of one drain fail together, but each keeps its own count of attempts.
  const byAttempts = new Map<number, string[]>();
  for (const e of events)
    byAttempts.set(e.attempts + 1, [...(byAttempts.get(e.attempts + 1) ?? []), e.eventId]);
  for (const [attempts, ids] of byAttempts) {
    const dead = attempts >= maxAttempts;
    const next = dead ? null : new Date(now.getTime() + retryDelayMs(attempts)).toISOString();
    await deps.store.failEvents(deps.portal, ids, message, next);
    if (dead) summary.dead += ids.length;
    else summary.failed += ids.length;
  }
}
