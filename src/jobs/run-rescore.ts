import type { MappingConfig } from '../config/config.ts';
import type { Gateway } from '../hubspot/create-gateway.ts';
import { DailyLimitError } from '../hubspot/daily-limit-error.ts';
import type { HubSpotRecord } from '../hubspot/record-schema.ts';
import type { CompiledModel } from '../scoring/compile-model.ts';
import { requiredProperties } from '../signals/required-properties.ts';
import type { RunProgress, RunRecord, RunSource, Store } from '../store/store.ts';
import { WRITTEN_PROPERTIES } from './health-properties.ts';
import { createPortfolioTally, type PortfolioTally } from './portfolio-tally.ts';
import { scoreChunk, type ChunkContext } from './score-chunk.ts';

export interface RescoreDeps {
  gateway: Pick<
    Gateway,
    'companyPages' | 'readAssociations' | 'readContacts' | 'updateCompanies' | 'apiCalls'
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
}

export interface RescoreOptions {
  dryRun: boolean;
  /** List pages per chunk; 10 pages = 1,000 companies = one association read. */
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
}

export class RunInProgressError extends Error {
  constructor() {
    super(
      `Another Vitals run holds the lock on this data directory. Wait for it to finish (or for its lock to expire in ${LEASE_MS / 60_000} minutes) and try again.`,
    );
    this.name = 'RunInProgressError';
  }
}

const LEASE = 'full-rescore';
const LEASE_MS = 10 * 60 * 1000;

/** One full pass: stream companies → extract → score → write what changed → history → progress. */
export async function runRescore(
  deps: RescoreDeps,
  options: RescoreOptions,
): Promise<RescoreSummary> {
  const started = Date.now();
  if (!(await deps.store.acquireLease(LEASE, deps.holder, LEASE_MS)))
    throw new RunInProgressError();
  try {
    const { run, resumed } = await openRun(deps, options.dryRun);
    const tally = createPortfolioTally();
    const failedUpdates: RescoreSummary['failedUpdates'] = [];
    let progress: RunProgress;
    try {
      progress = await passOverCompanies(deps, options, run, tally, failedUpdates);
    } catch (error) {
      // Left resumable: the next run carries on from the last committed cursor.
      const status = error instanceof DailyLimitError ? 'stopped' : 'failed';
      await deps.store.finishRun(run.id, { status, error: (error as Error).message });
      throw error;
    }
    await deps.store.finishRun(run.id, { status: 'completed', progress });
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

interface Pass {
  deps: RescoreDeps;
  dryRun: boolean;
  run: RunRecord;
  progress: RunProgress;
  callsBefore: Record<string, number>;
  tally: PortfolioTally;
  failedUpdates: RescoreSummary['failedUpdates'];
  properties: ChunkContext['properties'];
}

async function passOverCompanies(
  deps: RescoreDeps,
  options: RescoreOptions,
  run: RunRecord,
  tally: PortfolioTally,
  failedUpdates: RescoreSummary['failedUpdates'],
): Promise<RunProgress> {
  const progress: RunProgress = { ...run.progress, apiCalls: { ...run.progress.apiCalls } };
  // Every page was read before the process stopped: only the finish was missing.
  if (progress.pagesDone > 0 && progress.cursor === null) return progress;
  const properties = requiredProperties(deps.mapping);
  const pass: Pass = {
    deps,
    dryRun: options.dryRun,
    run,
    progress,
    callsBefore: deps.gateway.apiCalls(),
    tally,
    failedUpdates,
    properties,
  };
  const read = [...new Set([...properties.company, ...WRITTEN_PROPERTIES])];
  const pagesPerChunk = options.pagesPerChunk ?? 10;
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

async function finishChunk(
  pass: Pass,
  companies: HubSpotRecord[],
  pages: number,
  nextAfter: string | null,
): Promise<void> {
  const { deps, progress } = pass;
  const now = deps.now?.() ?? new Date();
  const scored = await scoreChunk(companies, { ...deps, properties: pass.properties, now });
  const updates = scored
    .filter((c) => Object.keys(c.changed).length > 0)
    .map((c) => ({ id: c.id, properties: c.changed as Record<string, string> }));
  let updated = 0;
  if (!pass.dryRun && updates.length > 0) {
    const result = await deps.gateway.updateCompanies(updates);
    updated = result.updated.length;
    pass.failedUpdates.push(...result.errors.map((e) => ({ id: e.id, message: e.message })));
  }
  for (const c of scored) pass.tally.add(c);
  progress.cursor = nextAfter;
  progress.pagesDone += pages;
  progress.companies += scored.length;
  progress.scored += scored.filter((c) => c.explanation.score !== null).length;
  progress.unchanged += scored.length - updates.length;
  progress.updated += updated;
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
        })),
  });
  deps.onProgress?.(progress);
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
