import type { MappingConfig } from '../config/config.ts';
import type { Gateway } from '../hubspot/create-gateway.ts';
import type { CompiledModel } from '../scoring/compile-model.ts';
import { requiredProperties } from '../signals/required-properties.ts';
import type { Store } from '../store/store.ts';
import { applyPlays, recordBaseline, emptyPlaysTally, type PlaysTally } from './apply-plays.ts';
import type { PlaysGateway } from './apply-plays.ts';
import { cardSnapshot, type CardSnapshot } from './card-snapshot.ts';
import { companyUpdate, RECOMMENDED_PROPERTY } from './company-update.ts';
import { WRITTEN_PROPERTIES } from './health-properties.ts';
import { planChunkPlays, type ChunkPlan } from './plan-plays.ts';
import { playReadProperties } from './play-read-properties.ts';
import { readCompany } from './read-company.ts';
import type { RescorePlays } from './run-rescore.ts';
import { scoreChunk, type ScoredCompany } from './score-chunk.ts';

export interface RescoreCompanyDeps {
  gateway: PlaysGateway &
    Pick<Gateway, 'readCompanies' | 'readAssociationTypes' | 'readContacts' | 'updateCompanies'>;
  store: Store;
  mapping: MappingConfig;
  model: CompiledModel;
  /** The portal id, or "sandbox". */
  portal: string;
  /** Plays to plan and act on; absent: only the score. */
  plays?: RescorePlays | undefined;
  now: Date;
}

export interface CompanyRescore {
  company: ScoredCompany;
  /** The health properties written to HubSpot (empty when nothing changed). */
  written: string[];
  /** HubSpot's reason when it refused the write; null when it took it (or nothing changed). */
  writeError: string | null;
  plays: PlaysTally;
  snapshot: CardSnapshot;
}

/**
 * One company through the same steps a full run takes with each of its companies: read it and
 * its contacts, score it, write the health properties that changed, plan its plays and act on
 * them (ledger first, so each still happens once), then save its history, state and card.
 * It takes no run lease: the ledger's keys keep actions exactly-once beside a running pass.
 * Null when the portal has no company with this id.
 */
export async function rescoreCompany(
  companyId: string,
  deps: RescoreCompanyDeps,
): Promise<CompanyRescore | null> {
  const needed = deps.plays
    ? playReadProperties(deps.mapping, deps.plays)
    : requiredProperties(deps.mapping);
  const read = [...new Set([...needed.company, ...WRITTEN_PROPERTIES, RECOMMENDED_PROPERTY])];
  const record = await readCompany(deps.gateway, companyId, read);
  if (!record) return null;
  const [company] = (await scoreChunk([record], {
    ...deps,
    properties: needed,
    plays: deps.plays
      ? { mapping: deps.plays.mapping, leftProperty: deps.plays.leftProperty }
      : null,
  })) as [ScoredCompany];
  const plan = deps.plays
    ? await planChunkPlays([company], await planContext(deps, deps.plays))
    : null;
  const update = companyUpdate(company, plan?.recommended);
  const writeError = update ? await write(deps, update) : null;
  const plays = plan ? await actOnPlan(deps, deps.plays!, plan) : emptyPlaysTally();
  const snapshot = cardSnapshot(
    company,
    plan?.outcomes.get(company.id),
    deps.model,
    deps.now.toISOString(),
  );
  if (company.history) await deps.store.appendScores([company.history]);
  await deps.store.putCompanyStates([
    {
      portal: deps.portal,
      companyId: company.id,
      properties: company.values,
      checkedAt: deps.now.toISOString(),
      card: snapshot,
    },
  ]);
  const written = update && writeError === null ? Object.keys(update.properties) : [];
  return { company, written, writeError, plays, snapshot };
}

async function planContext(deps: RescoreCompanyDeps, plays: RescorePlays) {
  return {
    store: deps.store,
    portal: deps.portal,
    settings: plays.settings,
    tiers: deps.model.model.tiers.map((t) => t.key),
    now: deps.now,
    baseline: (await deps.store.playsBaselineAt(deps.portal)) === null,
  };
}

async function write(
  deps: RescoreCompanyDeps,
  update: { id: string; properties: Record<string, string> },
): Promise<string | null> {
  const result = await deps.gateway.updateCompanies([update]);
  return result.errors.length === 0 ? null : result.errors.map((e) => e.message).join(' ');
}

/** As a run does: intents and crossings in one transaction, then the calls, within the caps. */
async function actOnPlan(
  deps: RescoreCompanyDeps,
  plays: RescorePlays,
  plan: ChunkPlan,
): Promise<PlaysTally> {
  const tally = emptyPlaysTally();
  for (const u of plan.unconfigured) {
    tally.skipped.push({ companyId: u.companyId, ruleId: u.ruleId, key: u.key, reason: u.reason });
  }
  const recorded = await deps.store.commitPlays({
    portal: deps.portal,
    intents: plan.actions,
    active: plan.active,
  });
  const ctx = {
    gateway: deps.gateway,
    store: deps.store,
    portal: deps.portal,
    settings: plays.settings,
    now: deps.now,
    tally,
    ownerDay: new Map<string, number>(),
  };
  await applyPlays(ctx, recorded);
  await recordBaseline(ctx, plan.baselined);
  return tally;
}
