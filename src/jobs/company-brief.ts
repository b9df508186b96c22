import type { Brief } from '../brief/brief-types.ts';
import { qbrBrief } from '../brief/qbr-brief.ts';
import type { MappingConfig, PlaysMapping } from '../config/config.ts';
import type { Gateway } from '../hubspot/create-gateway.ts';
import type { HubSpotRecord } from '../hubspot/record-schema.ts';
import type { PlaySettings } from '../plays/play-types.ts';
import type { CompiledModel } from '../scoring/compile-model.ts';
import type { Store } from '../store/store.ts';
import { briefInputOf } from './brief-input-of.ts';
import { briefTiers } from './note-body-writer.ts';
import { ownerNames } from './owner-names.ts';
import { playReadProperties } from './play-read-properties.ts';
import { qbrMeetings } from './qbr-meetings.ts';
import { chunkPlays, scoreChunk } from './score-chunk.ts';

export interface CompanyBriefDeps {
  readCompany(id: string, properties: readonly string[]): Promise<HubSpotRecord | null>;
  gateway: Pick<
    Gateway,
    'readAssociationTypes' | 'readContacts' | 'findQbrMeetings' | 'listOwners'
  >;
  /** Read-only: a brief on demand writes nothing anywhere. */
  store: Pick<
    Store,
    | 'latestScores'
    | 'scoresAtOrBefore'
    | 'scoreHistory'
    | 'ledgerForCompany'
    | 'openTracks'
    | 'mrrHistory'
  >;
  mapping: MappingConfig;
  model: CompiledModel;
  plays: { settings: PlaySettings; mapping: PlaysMapping; leftProperty: string | null };
  portal: string;
  now: Date;
  warn?: (message: string) => void;
}

/**
 * The QBR prep brief of one company, as a run would write it two weeks before its QBR: the
 * company read and scored afresh, with Vitals' records of it. Null when no company has the id.
 */
export async function companyBrief(
  companyId: string,
  deps: CompanyBriefDeps,
): Promise<Brief | null> {
  const properties = playReadProperties(deps.mapping, deps.plays);
  const record = await deps.readCompany(companyId, properties.company);
  if (!record) return null;
  const meetings = await qbrMeetings(
    deps.gateway,
    deps.plays.mapping,
    deps.plays.settings,
    deps.now,
    deps.warn,
  );
  const [scored] = await scoreChunk([record], {
    ...deps,
    properties,
    plays: chunkPlays(deps.plays, meetings),
  });
  const facts = scored!.facts!;
  const input = await briefInputOf(
    { facts, explanation: scored!.explanation },
    facts.lifecycle?.qbr?.next ?? null,
    deps.now,
    {
      store: deps.store,
      portal: deps.portal,
      timeZone: deps.plays.settings.timeZone,
      tiers: briefTiers(deps.model),
      mrrOf: async (id) => (await deps.store.mrrHistory(deps.portal)).get(id) ?? [],
      ownerName: ownerNames(deps.gateway),
    },
  );
  return qbrBrief(input);
}
