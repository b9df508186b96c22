import type { MappingConfig, PlaysMapping } from '../config/config.ts';
import type { PlannedAction, PlaySettings } from '../plays/play-types.ts';
import {
  applyPlays,
  emptyPlaysTally,
  recordBaseline,
  reconcileUnfinished,
  releaseHeld,
  type PlaysContext,
  type PlaysGateway,
  type PlaysTally,
} from './apply-plays.ts';
import { reclaimDeadLease } from './lease-holder.ts';
import { cardSnapshot } from './card-snapshot.ts';
import { companyUpdate, RECOMMENDED_PROPERTY } from './company-update.ts';
import { planChunkPlays } from './plan-plays.ts';
import { playReadProperties } from './play-read-properties.ts';
import type { Gateway } from '../hubspot/create-gateway.ts';
import { DailyLimitError } from '../hubspot/daily-limit-error.ts';
import type { HubSpotRecord } from '../hubspot/record-schema.ts';
import type { CompiledModel } from '../scoring/compile-model.ts';
import { requiredProperties } from '../signals/required-properties.ts';
import type { RunProgress, RunRecord, RunSource, Store } from '../store/store.ts';
import { WRITTEN_PROPERTIES } from './health-properties.ts';
import { createPortfolioTally, type PortfolioTally } from './portfolio-tally.ts';
import { scoreChunk, type ChunkContext, type ScoredCompany } from './score-chunk.ts';

export interface RescoreDeps {
  gateway: PlaysGateway &
    Pick<
      Gateway,
      'companyPages' | 'readAssociationTypes' | 'readContacts' | 'updateCompanies' | 'apiCalls'
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
  /** What the plays did (a dry run: nothing), and in a dry run what they would do. */
  plays: PlaysTally;
  planned: PlannedAction[];
  /** Names of the companies in `planned`, for printing the plan. */
  names: Map<string, string>;
}

export class RunInProgressError extends Error {
  constructor() {
    super(
      `Another Vitals run holds the lock on this data directory. Wait for it to finish (or for its lock to expire in ${LEASE_MS / 60_000} minutes) and try again.`,
    );
    this.name = 'RunInProgressError';
  }
}

export const LEASE = 'full-rescore';
const LEASE_MS = 10 * 60 * 1000;

/** One full pass: stream companies → extract → score → write what changed → history → progress. */
export async function runRescore(
  deps: RescoreDeps,
  options: RescoreOptions,
): Promise<RescoreSummary> {
  const started = Date.now();
  if (!(await deps.store.acquireLease(LEASE, deps.holder, LEASE_MS))) {
    if (!(await reclaimDeadLease(deps.store, LEASE))) throw new RunInProgressError();
    if (!(await deps.store.acquireLease(LEASE, deps.holder, LEASE_MS)))
      throw new RunInProgressError();
  }
  try {
    const { run, resumed } = await openRun(deps, options.dryRun);
    // A resumed run starts from what the pages before the interruption added up to.
    const tally = createPortfolioTally(run.progress.portfolio);
    const failedUpdates: RescoreSummary['failedUpdates'] = [];
    const playsTally = emptyPlaysTally();
    const planned: PlannedAction[] = [];
    const names = new Map<string, string>();
    let progress: RunProgress;
    // Counted from here, so the calls of recovery and released tasks are in the run's cost too.
    const callsBefore = deps.gateway.apiCalls();
    try {
      const playsCtx = playsContext(deps, playsTally);
      if (playsCtx && !options.dryRun) {
        // A crash between a HubSpot call and its ledger write is settled before anything new.
        await reconcileUnfinished(playsCtx);
        await releaseHeld(playsCtx);
      }
      progress = await passOverCompanies(deps, options, run, {
        tally,
        failedUpdates,
        playsCtx,
        planned,
        names,
        callsBefore,
      });
    } catch (error) {
      // Left resumable: the next run carries on from the last committed cursor.
      const status = error instanceof DailyLimitError ? 'stopped' : 'failed';
      await deps.store.finishRun(run.id, { status, error: (error as Error).message });
      throw error;
    }
    await deps.store.finishRun(run.id, { status: 'completed', progress });
    // The baseline is the first complete pass with plays: until one finishes, runs keep recording.
    if (deps.plays && !options.dryRun)
      await deps.store.markPlaysBaseline(deps.portal, (deps.now?.() ?? new Date()).toISOString());
    return {
      runId: run.id,
      resumed,
      source: deps.source,
      dryRun: options.dryRun,
      companies: progress.companies,
      scored: progress.scored,
      unchanged: progress.unchanged,
      updated: progress.updated,
      failedUpdates,
      apiCalls: progress.apiCalls,
      durationMs: Date.now() - started,
      portfolio: tally,
      plays: playsTally,
      planned,
      names,
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
  return { run: await deps.store.startRun(filter), resumed: false };
}

function playsContext(deps: RescoreDeps, tally: PlaysTally): PlaysContext | null {
  if (!deps.plays) return null;
  return {
    gateway: deps.gateway,
    store: deps.store,
    portal: deps.portal,
    settings: deps.plays.settings,
    now: deps.now?.() ?? new Date(),
    tally,
    ownerDay: new Map(),
  };
}

interface PassResults {
  tally: PortfolioTally;
  failedUpdates: RescoreSummary['failedUpdates'];
  playsCtx: PlaysContext | null;
  planned: PlannedAction[];
  names: Map<string, string>;
  callsBefore: Record<string, number>;
}

interface Pass extends PassResults {
  deps: RescoreDeps;
  dryRun: boolean;
  /** The portal's first evaluation with plays (see PlanContext.baseline). */
  baseline: boolean;
  run: RunRecord;
  progress: RunProgress;
  properties: ChunkContext['properties'];
}

async function passOverCompanies(
  deps: RescoreDeps,
  options: RescoreOptions,
  run: RunRecord,
  results: PassResults,
): Promise<RunProgress> {
  const progress: RunProgress = { ...run.progress, apiCalls: { ...run.progress.apiCalls } };
  // Every page was read before the process stopped: only the finish was missing.
  if (progress.pagesDone > 0 && progress.cursor === null) return progress;
  const properties = propertiesToRead(deps);
  const pass: Pass = {
    ...results,
    deps,
    dryRun: options.dryRun,
    baseline: deps.plays ? (await deps.store.playsBaselineAt(deps.portal)) === null : false,
    run,
    progress,
    properties,
  };
  const read = [...new Set([...properties.company, ...WRITTEN_PROPERTIES, RECOMMENDED_PROPERTY])];
  const pagesPerChunk = options.pagesPerChunk ?? 5;
  let chunk: HubSpotRecord[] = [];
  let pages = 0;
  for await (const page of deps.gateway.companyPages({
    properties: read,
    after: progress.cursor,
  })) {
    chunk.push(...page.companies);
    pages += 1;
    if (pages < pagesPerChunk && page.nextAfter !== null) continue;
    await finishChunk(pass, chunk, pages, page.nextAfter);
    chunk = [];
    pages = 0;
  }
  return progress;
}

function propertiesToRead(deps: RescoreDeps): ChunkContext['properties'] {
  return deps.plays
    ? playReadProperties(deps.mapping, deps.plays)
    : requiredProperties(deps.mapping);
}

async function finishChunk(
  pass: Pass,
  companies: HubSpotRecord[],
  pages: number,
  nextAfter: string | null,
): Promise<void> {
  const { deps, progress } = pass;
  const now = deps.now?.() ?? new Date();
  const scored = await scoreChunk(companies, {
    ...deps,
    properties: pass.properties,
    now,
    plays: deps.plays
      ? { mapping: deps.plays.mapping, leftProperty: deps.plays.leftProperty }
      : null,
  });
  const plan = deps.plays
    ? await planChunkPlays(scored, {
        store: deps.store,
        portal: deps.portal,
        settings: deps.plays.settings,
        tiers: deps.model.model.tiers.map((t) => t.key),
        now,
        baseline: pass.baseline,
      })
    : null;
  const updates = scored.flatMap((c) => companyUpdate(c, plan?.recommended) ?? []);
  let updated = 0;
  if (!pass.dryRun && updates.length > 0) {
    const result = await deps.gateway.updateCompanies(updates);
    updated = result.updated.length;
    pass.failedUpdates.push(...result.errors.map((e) => ({ id: e.id, message: e.message })));
  }
  for (const c of scored) pass.tally.add(c);
  progress.portfolio = pass.tally.snapshot();
  if (plan && pass.playsCtx) await actOnPlan(pass, plan, scored);
  progress.cursor = nextAfter;
  progress.pagesDone += pages;
  progress.companies += scored.length;
  progress.scored += scored.filter((c) => c.explanation.score !== null).length;
  progress.unchanged += scored.length - updates.length;
  // A dry run reports what a real run would write.
  progress.updated += pass.dryRun ? updates.length : updated;
  progress.apiCalls = addCalls(
    pass.run.progress.apiCalls,
    diffCalls(deps.gateway.apiCalls(), pass.callsBefore),
  );
  await deps.store.renewLease(LEASE, deps.holder, LEASE_MS);
  await deps.store.commitPage({
    runId: pass.run.id,
    progress,
    // A dry run writes nothing anywhere but its own progress.
    scores: pass.dryRun ? [] : scored.flatMap((c) => (c.history ? [c.history] : [])),
    states: pass.dryRun
      ? []
      : scored.map((c) => ({
          portal: deps.portal,
          companyId: c.id,
          properties: c.values,
          checkedAt: now.toISOString(),
          card: cardSnapshot(c, plan?.outcomes.get(c.id), deps.model, now.toISOString()),
        })),
  });
  deps.onProgress?.(progress);
}

async function actOnPlan(
  pass: Pass,
  plan: NonNullable<Awaited<ReturnType<typeof planChunkPlays>>>,
  scored: readonly ScoredCompany[],
): Promise<void> {
  const ctx = pass.playsCtx!;
  for (const u of plan.unconfigured)
    ctx.tally.skipped.push({
      companyId: u.companyId,
      ruleId: u.ruleId,
      key: u.key,
      reason: u.reason,
    });
  if (pass.dryRun) {
    const fresh = await notYetDone(pass, plan.actions);
    pass.planned.push(...fresh);
    const named = new Map(scored.map((c) => [c.id, c.name]));
    for (const a of fresh) pass.names.set(a.companyId, named.get(a.companyId) ?? a.companyId);
    return;
  }
  // Intents and crossings in one transaction before any HubSpot call: a rerun never repeats.
  const recorded = await pass.deps.store.commitPlays({
    portal: pass.deps.portal,
    intents: plan.actions,
    active: plan.active,
  });
  await applyPlays(ctx, recorded);
  await recordBaseline(ctx, plan.baselined);
}

/** A dry run leaves out what the ledger says was done already. */
async function notYetDone(pass: Pass, actions: PlannedAction[]): Promise<PlannedAction[]> {
  const companies = [...new Set(actions.map((a) => a.companyId))];
  const known = new Set<string>();
  for (const id of companies) {
    for (const e of await pass.deps.store.ledgerForCompany(pass.deps.portal, id)) known.add(e.key);
  }
  return actions.filter((a) => !known.has(a.key));
}

function diffCalls(
  now: Record<string, number>,
  before: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(now)
      .map(([k, v]) => [k, v - (before[k] ?? 0)])
      .filter(([, v]) => (v as number) > 0),
  );
}

function addCalls(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const sum = { ...a };
  for (const [k, v] of Object.entries(b)) sum[k] = (sum[k] ?? 0) + v;
  return sum;
}
