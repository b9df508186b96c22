import type { MappingConfig, PlaysMapping } from '../config/config.ts';
import type { Gateway } from '../hubspot/create-gateway.ts';
import { DailyLimitError } from '../hubspot/daily-limit-error.ts';
import type { PlaySettings } from '../plays/play-types.ts';
import type { CompiledModel } from '../scoring/compile-model.ts';
import type { RunProgress, RunRecord, RunSource, Store } from '../store/store.ts';
import type { AdoptionGateway } from './adopt-open-tasks.ts';
import { apiCallsSince } from './api-calls-since.ts';
import {
  emptyPlaysTally,
  type PlaysContext,
  type PlaysGateway,
  type PlaysTally,
} from './apply-plays.ts';
import { finishPlays } from './finish-plays.ts';
import { passOverCompanies, type PassResults } from './pass-over-companies.ts';
import { playsPreview, type PlanStep } from './plays-preview.ts';
import { createPortfolioTally, type PortfolioTally } from './portfolio-tally.ts';
import { RESCORE_LEASE } from './rescore-lease.ts';
import { modelVersion } from '../models/model-version.ts';
import { passLifecycleTurns } from './lifecycle-turns.ts';
import { startPlays } from './start-plays.ts';
import { StoreError } from '../store/store-error.ts';
import { takeRescoreLease } from './take-rescore-lease.ts';

export { RunInProgressError } from './take-rescore-lease.ts';

export interface RescoreDeps {
  gateway: PlaysGateway &
    AdoptionGateway &
    Pick<
      Gateway,
      | 'companyPages'
      | 'readAssociationTypes'
      | 'readContacts'
      | 'updateCompanies'
      | 'apiCalls'
      | 'findQbrMeetings'
      | 'listOwners'
    >;
  store: Store;
  mapping: MappingConfig;
  model: CompiledModel;
  /** The portal id, or "sandbox". */
  portal: string;
  source: RunSource;
  /** Who holds the run lease: unique per process. */
  holder: string;
  now?: () => Date;
  onProgress?: (progress: RunProgress) => void;
  /** Plays to plan and act on; absent: the run only scores. */
  plays?: RescorePlays;
  /**
   * Makes the portal ready first (the sandbox's setup). It runs holding the run's lock, so two
   * runs started at once never both create the health properties.
   */
  setUp?: () => Promise<void>;
  /** Waits, e.g. for HubSpot's search to catch up; absent: a real timer. */
  sleep?: (ms: number) => Promise<void>;
}

export interface RescorePlays {
  settings: PlaySettings;
  mapping: PlaysMapping;
  /** The contact property that says someone left the company (the champion mapping's). */
  leftProperty: string | null;
}

export interface RescoreOptions {
  dryRun: boolean;
  /**
   * List pages per chunk: one association read and one commit each. 5 pages (500 companies)
   * keeps a pass's peak memory under 300 MB (BENCHMARKS.md) for one more association read per
   * 1,000 companies than 10 pages would take.
   */
  pagesPerChunk?: number;
}

export interface RescoreSummary {
  runId: string;
  resumed: boolean;
  source: RunSource;
  dryRun: boolean;
  companies: number;
  scored: number;
  unchanged: number;
  updated: number;
  failedUpdates: { id: string; message: string }[];
  apiCalls: Record<string, number>;
  durationMs: number;
  portfolio: PortfolioTally;
  /**
   * What the plays did. A dry run does nothing, but lists what it would hold back (daily caps) and
   * skip, as the real run would.
   */
  plays: PlaysTally;
  /** A dry run's plan: every step the real run would take, in its order; empty otherwise. */
  planned: PlanStep[];
  /** Names of the companies in `planned`, for printing the plan. */
  names: Map<string, string>;
  /**
   * The portal's first run with plays (its baseline) records what already holds as the starting
   * point instead of acting on it: the tracks it opened without a task, the tasks and enrolments
   * it did not make. Null on later runs.
   */
  baseline: { tracks: number; tasks: number; enrolments: number } | null;
  /**
   * What HubSpot already had that the store did not know (a new or lost store): open tasks made
   * their tracks' tasks again, and enrolments recorded instead of made. Absent or null: nothing.
   */
  adopted?: { tasks: number; enrolments: number } | null;
  /** Creates and enrolments still without a clear answer from HubSpot: the next run settles them. */
  unsettled?: number;
  /** What the run could not do this time and will try again (a QBR lookup, a brief), in words. */
  notices?: string[];
}

export const LEASE = RESCORE_LEASE.name;

/** One full pass: stream companies → extract → score → write what changed → history → progress. */
export async function runRescore(
  deps: RescoreDeps,
  options: RescoreOptions,
): Promise<RescoreSummary> {
  const started = Date.now();
  await takeRescoreLease(deps.store, deps.holder);
  try {
    await deps.setUp?.();
    const { run, resumed } = await openRun(deps, options.dryRun);
    let results: PassResults;
    let progress: RunProgress;
    let adoptedTasks: number | null;
    let unsettled: number;
    try {
      results = await passResults(deps, options, run);
      adoptedTasks = await startPlays(deps, results);
      progress = await passOverCompanies(deps, options, run, results);
      await passLifecycleTurns(results, progress.companies);
      unsettled = await finishPlays(results);
      // Settling after the last page costs calls too.
      progress.apiCalls = apiCallsSince(
        run.progress.apiCalls,
        deps.gateway.apiCalls(),
        results.callsBefore,
      );
    } catch (error) {
      // The run is another process's now: its record is theirs to finish.
      if (error instanceof StoreError && error.code === 'lease-lost') throw error;
      // Left resumable: the next run carries on from the last committed cursor.
      const status = error instanceof DailyLimitError ? 'stopped' : 'failed';
      await deps.store.finishRun(run.id, { status, error: (error as Error).message });
      throw error;
    }
    await deps.store.finishRun(run.id, { status: 'completed', progress });
    // The baseline is the first complete pass with plays: until one finishes, runs keep recording.
    if (deps.plays && !options.dryRun) {
      const at = (deps.now?.() ?? new Date()).toISOString();
      await deps.store.markPlaysBaseline(deps.portal, at);
      await deps.store.markPlaysBaseline(deps.portal, at, 'lifecycle');
    }
    return {
      runId: run.id,
      resumed,
      source: deps.source,
      dryRun: options.dryRun,
      companies: progress.companies,
      scored: progress.scored,
      unchanged: progress.unchanged,
      updated: progress.updated,
      failedUpdates: results.failedUpdates,
      apiCalls: progress.apiCalls,
      durationMs: Date.now() - started,
      portfolio: results.tally,
      plays: results.playsCtx?.tally ?? emptyPlaysTally(),
      planned: results.planned,
      names: results.names,
      baseline: results.baselined,
      adopted: adoption(adoptedTasks, results.playsCtx?.tally),
      unsettled,
      notices: results.notices,
    };
  } finally {
    await deps.store.releaseLease(LEASE, deps.holder);
  }
}

async function openRun(
  deps: RescoreDeps,
  dryRun: boolean,
): Promise<{ run: RunRecord; resumed: boolean }> {
  const filter = { portal: deps.portal, kind: 'full' as const, source: deps.source, dryRun };
  const unfinished = await deps.store.findResumableRun(filter);
  if (unfinished) return { run: await deps.store.resumeRun(unfinished.id), resumed: true };
  const model = `${deps.model.model.name} ${modelVersion(deps.model.model)}`;
  return { run: await deps.store.startRun({ ...filter, model }), resumed: false };
}

async function passResults(
  deps: RescoreDeps,
  options: RescoreOptions,
  run: RunRecord,
): Promise<PassResults> {
  const playsCtx = playsContext(deps);
  // On a portal whose baseline has not run yet, this run is it (or, dry, previews it).
  const baseline = deps.plays ? (await deps.store.playsBaselineAt(deps.portal)) === null : false;
  const lifecycleSince = deps.plays
    ? await deps.store.playsBaselineAt(deps.portal, 'lifecycle')
    : null;
  return {
    // A resumed run starts from what the pages before the interruption added up to.
    tally: createPortfolioTally(run.progress.portfolio),
    failedUpdates: [],
    playsCtx,
    preview: playsCtx && options.dryRun ? playsPreview(playsCtx) : null,
    planned: [],
    names: new Map(),
    baselined: baseline ? { tracks: 0, tasks: 0, enrolments: 0 } : null,
    lifecycleSince,
    notices: [],
    lifecycleQueue: [],
    // Counted from here, so the calls of recovery and released tasks are in the run's cost too.
    callsBefore: deps.gateway.apiCalls(),
  };
}

function adoption(tasks: number | null, tally: PlaysTally | undefined): RescoreSummary['adopted'] {
  const enrolments = tally?.adopted.length ?? 0;
  return (tasks ?? 0) + enrolments > 0 ? { tasks: tasks ?? 0, enrolments } : null;
}

function playsContext(deps: RescoreDeps): PlaysContext | null {
  if (!deps.plays) return null;
  const clock = deps.now ?? (() => new Date());
  return {
    gateway: deps.gateway,
    store: deps.store,
    portal: deps.portal,
    settings: deps.plays.settings,
    now: clock(),
    tally: emptyPlaysTally(),
    ownerDay: new Map(),
    settleAfterMs: deps.plays.mapping.settleAfterSeconds * 1000,
    clock,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    lease: { name: LEASE, holder: deps.holder },
  };
}
