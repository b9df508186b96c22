import type { TaskAction } from '../plays/play-types.ts';
import { requiredProperties } from '../signals/required-properties.ts';
import { emptyPlaysTally, type PlaysTally } from './apply-plays.ts';
import { carryOutPlan } from './carry-out-plan.ts';
import { takeLifecycleTurns } from './lifecycle-turns.ts';
import { cardSnapshot, type CardSnapshot } from './card-snapshot.ts';
import { companyUpdate, RECOMMENDED_PROPERTY } from './company-update.ts';
import { WRITTEN_PROPERTIES } from './health-properties.ts';
import { planChunkPlays, type ChunkPlan } from './plan-plays.ts';
import { playReadProperties } from './play-read-properties.ts';
import { cardDigest } from './report-card.ts';
import { noteBodyWriter } from './note-body-writer.ts';
import type { RescoreCompanyDeps } from './rescore-company.ts';
import type { RescorePlays } from './run-rescore.ts';
import { chunkPlays, scoreChunk, type ScoredCompany } from './score-chunk.ts';

export interface CompaniesRescore {
  companies: ScoredCompany[];
  /** Health properties written per company id (absent: nothing changed or the write failed). */
  written: Map<string, string[]>;
  /** HubSpot's reason per company id whose write it refused. */
  writeErrors: Map<string, string>;
  /** Ids the portal has no company for (deleted since). */
  missing: string[];
  plays: PlaysTally;
  snapshots: Map<string, CardSnapshot>;
}

/**
 * Companies by id through the steps a full run takes with a chunk: one batch read per 100, one
 * association read, contact reads of 100, one batch update of what changed, plays through the
 * ledger, then history, state and card. k companies cost about what a pass over k costs. It
 * takes no run lease: the ledger's keys keep actions exactly-once beside a running pass.
 */
export async function rescoreCompanies(
  ids: readonly string[],
  deps: RescoreCompanyDeps,
): Promise<CompaniesRescore> {
  const needed = deps.plays
    ? playReadProperties(deps.mapping, deps.plays)
    : requiredProperties(deps.mapping);
  const read = [...new Set([...needed.company, ...WRITTEN_PROPERTIES, RECOMMENDED_PROPERTY])];
  const records = ids.length === 0 ? [] : await deps.gateway.readCompanies(ids, read);
  const found = new Set(records.map((r) => r.id));
  const companies = await scoreChunk(records, {
    ...deps,
    properties: needed,
    plays: deps.plays ? chunkPlays(deps.plays) : null,
  });
  const plan = deps.plays
    ? await planChunkPlays(companies, await planContext(deps, deps.plays))
    : null;
  const updates = companies.flatMap((c) => companyUpdate(c, plan?.recommended) ?? []);
  const result = updates.length > 0 ? await deps.gateway.updateCompanies(updates) : null;
  const writeErrors = new Map((result?.errors ?? []).map((e) => [e.id, e.message]));
  const written = new Map(
    updates.filter((u) => !writeErrors.has(u.id)).map((u) => [u.id, Object.keys(u.properties)]),
  );
  const plays = plan ? await actOnPlan(deps, deps.plays!, plan) : emptyPlaysTally();
  const at = deps.now.toISOString();
  const states = companies.map((c) => {
    const card = cardSnapshot(c, plan?.outcomes.get(c.id), deps.model, at);
    const digest = cardDigest(card);
    return {
      portal: deps.portal,
      companyId: c.id,
      properties: c.values,
      checkedAt: at,
      card,
      digest,
    };
  });
  const history = companies.flatMap((c) => (c.history ? [c.history] : []));
  if (history.length > 0) await deps.store.appendScores(history);
  await deps.store.putCompanyStates(states);
  return {
    companies,
    written,
    writeErrors,
    missing: ids.filter((id) => !found.has(id)),
    plays,
    snapshots: new Map(states.map((s) => [s.companyId, s.card])),
  };
}

async function planContext(deps: RescoreCompanyDeps, plays: RescorePlays) {
  return {
    store: deps.store,
    portal: deps.portal,
    settings: plays.settings,
    tiers: deps.model.model.tiers.map((t) => t.key),
    now: deps.now,
    baseline: (await deps.store.playsBaselineAt(deps.portal)) === null,
    lifecycleSince: await deps.store.playsBaselineAt(deps.portal, 'lifecycle'),
    writeNote: noteBodyWriter({
      store: deps.store,
      portal: deps.portal,
      settings: plays.settings,
      model: deps.model,
      now: deps.now,
    }),
  };
}

async function actOnPlan(
  deps: RescoreCompanyDeps,
  plays: RescorePlays,
  plan: ChunkPlan,
): Promise<PlaysTally> {
  const tally = emptyPlaysTally();
  const ctx = {
    gateway: deps.gateway,
    store: deps.store,
    portal: deps.portal,
    settings: plays.settings,
    now: deps.now,
    tally,
    ownerDay: new Map<string, number>(),
  };
  await carryOutPlan(ctx, plan);
  // Lifecycle tasks wait for the scheduled run until one has counted the portal's accounts.
  const accounts = await accountsLastCounted(deps);
  if (accounts === null) tally.waiting.push(...plan.lifecycle.map((t) => waitForRun(t)));
  else await takeLifecycleTurns(ctx, plan.lifecycle, accounts);
  return tally;
}

/** How many companies the portal's last completed run went over; null before the first. */
async function accountsLastCounted(deps: RescoreCompanyDeps): Promise<number | null> {
  const runs = await deps.store.listRuns({ portal: deps.portal, limit: 20 });
  const last = runs.find((r) => r.status === 'completed' && !r.dryRun);
  return last ? last.progress.companies : null;
}

function waitForRun(task: TaskAction) {
  return {
    companyId: task.companyId,
    ruleId: task.ruleId,
    key: task.key,
    reason:
      'waits for the first scheduled run, which counts the accounts the daily budget is a share of',
  };
}
