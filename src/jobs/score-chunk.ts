import type { MappingConfig } from '../config/config.ts';
import type { Gateway } from '../hubspot/create-gateway.ts';
import type { HubSpotRecord } from '../hubspot/record-schema.ts';
import type { CompiledModel } from '../scoring/compile-model.ts';
import { explainAccount, type Explanation } from '../scoring/explain-score.ts';
import { extractAccount } from '../signals/extract-account.ts';
import type { RequiredProperties } from '../signals/required-properties.ts';
import type { ScoreRecord, Store } from '../store/store.ts';
import { healthValues, type HealthValues } from './health-values.ts';

export interface ScoredCompany {
  id: string;
  name: string | null;
  mrr: number | null;
  explanation: Explanation;
  /** Score before this run (last stored), for movers. */
  previousScore: number | null;
  values: HealthValues;
  changed: Partial<HealthValues>;
  /** A new history row when score, tier or coverage moved since the last one; else null. */
  history: ScoreRecord | null;
}

export interface ChunkContext {
  gateway: Pick<Gateway, 'readAssociations' | 'readContacts'>;
  store: Pick<Store, 'latestScores' | 'scoresAtOrBefore'>;
  mapping: MappingConfig;
  model: CompiledModel;
  properties: RequiredProperties;
  portal: string;
  now: Date;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Scores up to 1,000 companies with the fewest calls HubSpot allows: one association read for
 * the whole chunk (its cap is 1,000 ids) and contact reads of 100, shared across companies.
 */
export async function scoreChunk(
  companies: readonly HubSpotRecord[],
  ctx: ChunkContext,
): Promise<ScoredCompany[]> {
  const ids = companies.map((c) => c.id);
  const contactsOf = await readCompanyContacts(ids, ctx);
  const [latest, weekAgo] = await Promise.all([
    ctx.store.latestScores(ctx.portal, ids),
    ctx.store.scoresAtOrBefore(
      ctx.portal,
      ids,
      new Date(ctx.now.getTime() - WEEK_MS).toISOString(),
    ),
  ]);
  const modelLabel = `${ctx.model.model.name} v${ctx.model.model.version}`;
  return companies.map((company) => {
    const account = extractAccount({
      company,
      contacts: contactsOf(company.id),
      now: ctx.now,
      config: ctx.mapping,
    });
    const explanation = explainAccount(ctx.model, account);
    const { values, changed } = healthValues({
      explanation,
      model: modelLabel,
      scoreWeekAgo: weekAgo.get(company.id)?.score ?? null,
      current: company.properties,
      now: ctx.now,
    });
    const last = latest.get(company.id);
    return {
      id: company.id,
      name: account.name,
      mrr: account.mrr,
      explanation,
      previousScore: last?.score ?? null,
      values,
      changed,
      history: moved(explanation, last) ? historyRow(company.id, explanation, values, ctx) : null,
    };
  });
}

async function readCompanyContacts(
  ids: string[],
  ctx: ChunkContext,
): Promise<(companyId: string) => HubSpotRecord[]> {
  if (!ctx.properties.needsContacts || ids.length === 0) return () => [];
  const associations = await ctx.gateway.readAssociations('companies', 'contacts', ids);
  const contactIds = [...new Set([...associations.values()].flat())];
  const contacts =
    contactIds.length === 0
      ? []
      : await ctx.gateway.readContacts(contactIds, ctx.properties.contact);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  return (companyId) =>
    (associations.get(companyId) ?? []).flatMap((id) => {
      const contact = byId.get(id);
      return contact ? [contact] : [];
    });
}

function moved(e: Explanation, last: ScoreRecord | undefined): boolean {
  return !last || last.score !== e.score || last.tier !== e.tier || last.coverage !== e.coverage;
}

function historyRow(
  companyId: string,
  e: Explanation,
  values: HealthValues,
  ctx: ChunkContext,
): ScoreRecord {
  return {
    portal: ctx.portal,
    companyId,
    scoredAt: ctx.now.toISOString(),
    score: e.score,
    tier: e.tier,
    coverage: e.coverage,
    dimensions: Object.fromEntries(Object.entries(e.dimensions).map(([k, d]) => [k, d.score])),
    model: { name: ctx.model.model.name, version: ctx.model.model.version },
    topDrivers: values.health_top_drivers,
  };
}
