import { modelVersion } from '../models/model-version.ts';
import type { MappingConfig } from '../config/config.ts';
import type { Gateway } from '../hubspot/create-gateway.ts';
import type { HubSpotRecord } from '../hubspot/record-schema.ts';
import type { CompiledModel } from '../scoring/compile-model.ts';
import { explainAccount, type Explanation } from '../scoring/explain-score.ts';
import { extractAccount, type ExtractedAccount } from '../signals/extract-account.ts';
import type { RequiredProperties } from '../signals/required-properties.ts';
import type { ScoreRecord, Store } from '../store/store.ts';
import type { PlaysMapping } from '../config/config.ts';
import type { AccountFacts, PlaySettings } from '../plays/play-types.ts';
import { AssociationReadError } from '../hubspot/association-read-error.ts';
import { ASSOCIATION_TYPES, type AssociatedRecord } from '../hubspot/read-associations.ts';
import { npsAnswers, type NpsAnswer } from '../signals/nps-answers.ts';
import { playFacts } from '../signals/play-facts.ts';
import type { QbrMeetings } from '../signals/lifecycle-facts.ts';
import { localDate } from '../plays/local-time.ts';
import { healthValues, type HealthValues } from './health-values.ts';

export interface ScoredCompany {
  id: string;
  name: string | null;
  mrr: number | null;
  ownerId: string | null;
  /** As HubSpot says; null when unknown. */
  segment: string | null;
  explanation: Explanation;
  /** Score before this run (last stored), for movers. */
  previousScore: number | null;
  values: HealthValues;
  changed: Partial<HealthValues>;
  /** A new history row when score, tier or coverage moved since the last one; else null. */
  history: ScoreRecord | null;
  /** What the plays react to; null when the run plans no plays. */
  facts: AccountFacts | null;
  /** The company's health properties as HubSpot holds them now. */
  current: HubSpotRecord['properties'];
  /** The NPS answer each of its contacts holds (empty when the run reads no contacts). */
  npsAnswers: NpsAnswer[];
  /** What it was scored from, kept as the month's snapshot for backtests. */
  reading: Pick<ExtractedAccount, 'segment' | 'signals' | 'modifiers'>;
}

export interface ChunkContext {
  gateway: Pick<Gateway, 'readAssociationTypes' | 'readContacts'>;
  store: Pick<Store, 'latestScores' | 'scoresAtOrBefore'>;
  mapping: MappingConfig;
  model: CompiledModel;
  properties: RequiredProperties;
  portal: string;
  now: Date;
  /** Where the plays' facts come from; null: no plays this run. */
  plays: {
    mapping: PlaysMapping;
    leftProperty: string | null;
    /** The portal's time zone, for "today" in the lifecycle facts; absent: UTC. */
    timeZone?: string;
    /** Each company's QBR meetings when this run looked them up (a full run does). */
    meetings?: ReadonlyMap<string, QbrMeetings>;
  } | null;
  /**
   * Takes the companies whose contacts HubSpot would not say (an error other than "none found"):
   * they are left out of this chunk, unscored and unwritten, instead of being scored as having
   * no contacts. Absent: such an error fails the chunk.
   */
  onUnreadable?: (companies: readonly { id: string; message: string }[]) => void;
}

/** What a chunk needs of the run's plays to read their facts; meetings when looked up. */
export function chunkPlays(
  plays: { settings: PlaySettings; mapping: PlaysMapping; leftProperty: string | null },
  meetings?: ReadonlyMap<string, QbrMeetings>,
): NonNullable<ChunkContext['plays']> {
  return {
    mapping: plays.mapping,
    leftProperty: plays.leftProperty,
    timeZone: plays.settings.timeZone,
    ...(meetings ? { meetings } : {}),
  };
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Scores a chunk of companies (up to 1,000, the association read's cap) with the fewest calls
 * HubSpot allows: one association read for the whole chunk and contact reads of 100, shared
 * across companies.
 */
export async function scoreChunk(
  companies: readonly HubSpotRecord[],
  ctx: ChunkContext,
): Promise<ScoredCompany[]> {
  const { contactsOf, primaryOf, unreadable } = await readCompanyContacts(
    companies.map((c) => c.id),
    ctx,
  );
  const readable = companies.filter((c) => !unreadable.has(c.id));
  const ids = readable.map((c) => c.id);
  const [latest, weekAgo] = await Promise.all([
    ctx.store.latestScores(ctx.portal, ids),
    ctx.store.scoresAtOrBefore(
      ctx.portal,
      ids,
      new Date(ctx.now.getTime() - WEEK_MS).toISOString(),
    ),
  ]);
  const modelLabel = `${ctx.model.model.name} v${ctx.model.model.version}`;
  return readable.map((company) => {
    const contacts = contactsOf(company.id);
    const account = extractAccount({
      company,
      contacts,
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
      ownerId: account.ownerId,
      segment: account.segment,
      explanation,
      previousScore: last?.score ?? null,
      values,
      changed,
      history: moved(explanation, last, modelVersion(ctx.model.model))
        ? historyRow(company.id, explanation, values, ctx)
        : null,
      facts: ctx.plays
        ? playFacts({
            company,
            contacts,
            primaryContactIds: primaryOf(company.id),
            account,
            mapping: ctx.plays.mapping,
            leftProperty: ctx.plays.leftProperty,
            now: ctx.now,
            today: localDate(ctx.now, ctx.plays.timeZone ?? 'UTC'),
            ...(ctx.plays.meetings
              ? { meetings: ctx.plays.meetings.get(company.id) ?? { next: null, last: null } }
              : {}),
          })
        : null,
      current: company.properties,
      npsAnswers: npsAnswers(contacts),
      reading: { segment: account.segment, signals: account.signals, modifiers: account.modifiers },
    };
  });
}

interface CompanyContacts {
  contactsOf: (companyId: string) => HubSpotRecord[];
  /** Contacts whose primary company is this one (association type 2). */
  primaryOf: (companyId: string) => ReadonlySet<string>;
  /** Companies whose contacts could not be read, left out of the chunk. */
  unreadable: ReadonlySet<string>;
}

const NONE: CompanyContacts = {
  contactsOf: () => [],
  primaryOf: () => new Set(),
  unreadable: new Set(),
};

async function readCompanyContacts(ids: string[], ctx: ChunkContext): Promise<CompanyContacts> {
  if (!ctx.properties.needsContacts || ids.length === 0) return NONE;
  const { associations, unreadable } = await readAssociationsOrSkip(ids, ctx);
  const contactIds = [...new Set([...associations.values()].flat().map((r) => r.id))];
  const contacts =
    contactIds.length === 0
      ? []
      : await ctx.gateway.readContacts(contactIds, ctx.properties.contact);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const linked = (companyId: string): AssociatedRecord[] => associations.get(companyId) ?? [];
  return {
    unreadable,
    contactsOf: (companyId) =>
      linked(companyId).flatMap((r) => {
        const contact = byId.get(r.id);
        return contact ? [contact] : [];
      }),
    primaryOf: (companyId) =>
      new Set(
        linked(companyId)
          .filter((r) =>
            r.types.some((t) => t.typeId === ASSOCIATION_TYPES.companyToContactPrimary),
          )
          .map((r) => r.id),
      ),
  };
}

/** A new history point when the score, tier or coverage moved, or the model changed. */
function moved(e: Explanation, last: ScoreRecord | undefined, version: string): boolean {
  return (
    !last ||
    last.score !== e.score ||
    last.tier !== e.tier ||
    last.coverage !== e.coverage ||
    last.model.version !== version
  );
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
    model: { name: ctx.model.model.name, version: modelVersion(ctx.model.model) },
    topDrivers: values.health_top_drivers,
  };
}

async function readAssociationsOrSkip(
  ids: string[],
  ctx: ChunkContext,
): Promise<{
  associations: ReadonlyMap<string, AssociatedRecord[]>;
  unreadable: ReadonlySet<string>;
}> {
  try {
    const associations = await ctx.gateway.readAssociationTypes('companies', 'contacts', ids);
    return { associations, unreadable: new Set() };
  } catch (error) {
    if (!(error instanceof AssociationReadError) || !ctx.onUnreadable) throw error;
    ctx.onUnreadable(
      error.failures.map((f) => ({
        id: f.id,
        message: `Not scored this run: HubSpot did not return its contacts (${f.category}: ${f.message}). The next run tries again.`,
      })),
    );
    return {
      associations: error.associations,
      unreadable: new Set(error.failures.map((f) => f.id)),
    };
  }
}
