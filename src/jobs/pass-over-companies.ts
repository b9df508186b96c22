import type { HubSpotRecord } from '../hubspot/record-schema.ts';
import { NPS_DATE_PROPERTY, NPS_RATING_PROPERTY } from '../signals/nps-answers.ts';
import { requiredProperties, type RequiredProperties } from '../signals/required-properties.ts';
import type { RunProgress, RunRecord } from '../store/store.ts';
import { leaseLostError } from '../store/store-error.ts';
import { accountFactsRecord } from './account-facts-record.ts';
import { actOnPlan } from './act-on-plan.ts';
import { apiCallsSince } from './api-calls-since.ts';
import type { PlaysContext } from './apply-plays.ts';
import { cardSnapshot } from './card-snapshot.ts';
import { companyUpdate, RECOMMENDED_PROPERTY } from './company-update.ts';
import { WRITTEN_PROPERTIES } from './health-properties.ts';
import { planChunkPlays, type PlanContext } from './plan-plays.ts';
import { playReadProperties } from './play-read-properties.ts';
import type { PlanStep, PlaysPreview } from './plays-preview.ts';
import { mrrChanges } from './mrr-changes.ts';
import type { PortfolioTally } from './portfolio-tally.ts';
import { cardDigest } from './report-card.ts';
import { RESCORE_LEASE } from './rescore-lease.ts';
import type { RescoreDeps, RescoreOptions, RescoreSummary } from './run-rescore.ts';
import { noteBodyWriter } from './note-body-writer.ts';
import { ownerNames } from './owner-names.ts';
import { qbrMeetings } from './qbr-meetings.ts';
import type { QbrMeetings } from '../signals/lifecycle-facts.ts';
import type { TaskAction } from '../plays/play-types.ts';
import { chunkPlays, scoreChunk, type ChunkContext, type ScoredCompany } from './score-chunk.ts';

/** What a pass adds up as it goes: the run's summary is made of it. */
export interface PassResults {
  tally: PortfolioTally;
  failedUpdates: RescoreSummary['failedUpdates'];
  playsCtx: PlaysContext | null;
  /** A dry run's stand-in for acting on the plays; null in a real run. */
  preview: PlaysPreview | null;
  planned: PlanStep[];
  names: Map<string, string>;
  /** The portal's first evaluation with plays (see PlanContext.baseline): what it records. */
  baselined: NonNullable<RescoreSummary['baseline']> | null;
  /** When Vitals started watching the lifecycle plays (see PlanContext.lifecycleSince). */
  lifecycleSince: string | null;
  /** What the pass could not do this time and tries again next run, in words. */
  notices: string[];
  /** The owners' new lifecycle tasks of every chunk: they take their turns after the pass. */
  lifecycleQueue: TaskAction[];
  callsBefore: Record<string, number>;
}

export interface Pass extends PassResults {
  deps: RescoreDeps;
  dryRun: boolean;
  run: RunRecord;
  progress: RunProgress;
  properties: ChunkContext['properties'];
  /** Each company's QBR meetings, looked up once for the pass; undefined: not known. */
  meetings?: ReadonlyMap<string, QbrMeetings>;
  /** Writes the notes' briefs; one for the pass, so what it reads once is read once. A dry run
   * has none: it lists the notes without building them. */
  writeNote?: PlanContext['writeNote'];
}

/** Reads the portal's companies page by page from the run's cursor, each chunk scored and acted on. */
export async function passOverCompanies(
  deps: RescoreDeps,
  options: RescoreOptions,
  run: RunRecord,
  results: PassResults,
): Promise<RunProgress> {
  const progress: RunProgress = { ...run.progress, apiCalls: { ...run.progress.apiCalls } };
  // Every page was read before the process stopped: only the finish was missing.
  if (progress.pagesDone > 0 && progress.cursor === null) return progress;
  const properties = deps.plays
    ? playReadProperties(deps.mapping, deps.plays)
    : withNpsAnswers(requiredProperties(deps.mapping));
  const pass: Pass = { ...results, deps, dryRun: options.dryRun, run, progress, properties };
  if (deps.plays && !options.dryRun)
    pass.writeNote = noteBodyWriter({
      store: deps.store,
      portal: deps.portal,
      settings: deps.plays.settings,
      model: deps.model,
      now: deps.now?.() ?? new Date(),
      warn: (message) => pass.notices.push(message),
      ownerName: ownerNames(deps.gateway),
    });
  if (deps.plays) {
    const meetings = await qbrMeetings(
      deps.gateway,
      deps.plays.mapping,
      deps.plays.settings,
      deps.now?.() ?? new Date(),
      (message) => pass.notices.push(message),
    );
    if (meetings) pass.meetings = meetings;
  }
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
    plays: deps.plays ? chunkPlays(deps.plays, pass.meetings) : null,
    // One company HubSpot will not answer for must not stop the pass for every other.
    onUnreadable: (failed) => pass.failedUpdates.push(...failed),
  });
  const plan = deps.plays
    ? await planChunkPlays(scored, {
        store: deps.store,
        portal: deps.portal,
        settings: deps.plays.settings,
        tiers: deps.model.model.tiers.map((t) => t.key),
        now,
        baseline: pass.baselined !== null,
        lifecycleSince: pass.lifecycleSince,
        ...(pass.writeNote ? { writeNote: pass.writeNote } : {}),
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
  progress.apiCalls = apiCallsSince(
    pass.run.progress.apiCalls,
    deps.gateway.apiCalls(),
    pass.callsBefore,
  );
  const lease = { name: RESCORE_LEASE.name, holder: deps.holder };
  // Stalled past the lease while another process took the run over: stop here. The commit checks
  // again inside its transaction, so the run's cursor never moves under the new holder.
  if (!(await deps.store.renewLease(lease.name, lease.holder, RESCORE_LEASE.ttlMs)))
    throw leaseLostError(lease.name);
  // A dry run writes nothing anywhere but its own progress.
  await deps.store.commitPage({
    lease,
    runId: pass.run.id,
    progress,
    scores: pass.dryRun ? [] : scored.flatMap((c) => (c.history ? [c.history] : [])),
    states: pass.dryRun ? [] : companyStates(pass, scored, plan?.outcomes, now),
    facts: pass.dryRun
      ? []
      : scored.map((c) => accountFactsRecord(c, deps.portal, now.toISOString())),
    mrr: pass.dryRun ? [] : await pageMrr(pass, scored, now),
    nps: pass.dryRun
      ? []
      : scored.flatMap((c) =>
          c.npsAnswers.map((answer) => ({ portal: deps.portal, companyId: c.id, ...answer })),
        ),
    snapshots: pass.dryRun ? [] : signalSnapshots(scored, deps.portal, now),
  });
  deps.onProgress?.(progress);
}

/** What each company was scored from, as its snapshot of this (UTC) month. */
function signalSnapshots(scored: readonly ScoredCompany[], portal: string, now: Date) {
  const takenAt = now.toISOString();
  const month = takenAt.slice(0, 7);
  return scored.map((c) => ({
    portal,
    companyId: c.id,
    month,
    takenAt,
    segment: c.reading.segment,
    signals: c.reading.signals,
    modifiers: c.reading.modifiers,
  }));
}

/** Contacts a run reads anyway also give the reports' NPS: two more columns, no more calls. */
function withNpsAnswers(properties: RequiredProperties): RequiredProperties {
  if (!properties.needsContacts) return properties;
  const contact = new Set([...properties.contact, NPS_RATING_PROPERTY, NPS_DATE_PROPERTY]);
  return { ...properties, contact: [...contact].sort() };
}

/** What the reports' MRR history gains from this page: the MRR that moved, and first readings. */
async function pageMrr(pass: Pass, scored: readonly ScoredCompany[], now: Date) {
  const { store, portal } = pass.deps;
  const last = await store.latestMrr(
    portal,
    scored.map((c) => c.id),
  );
  return mrrChanges(scored, last, { portal, runStartedAt: pass.run.startedAt, now });
}

function companyStates(
  pass: Pass,
  scored: readonly ScoredCompany[],
  outcomes: Awaited<ReturnType<typeof planChunkPlays>>['outcomes'] | undefined,
  now: Date,
) {
  return scored.map((c) => {
    const card = cardSnapshot(c, outcomes?.get(c.id), pass.deps.model, now.toISOString());
    return {
      portal: pass.deps.portal,
      companyId: c.id,
      properties: c.values,
      checkedAt: now.toISOString(),
      card,
      digest: cardDigest(card),
    };
  });
}
