import type { MappingConfig } from '../config/config.ts';
import type { Gateway } from '../hubspot/create-gateway.ts';
import type { CompiledModel } from '../scoring/compile-model.ts';
import type { Store } from '../store/store.ts';
import type { PlaysGateway, PlaysTally } from './apply-plays.ts';
import type { CardSnapshot } from './card-snapshot.ts';
import { rescoreCompanies } from './rescore-companies.ts';
import type { RescorePlays } from './run-rescore.ts';
import type { ScoredCompany } from './score-chunk.ts';

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
  const done = await rescoreCompanies([companyId], deps);
  const company = done.companies[0];
  if (!company) return null;
  return {
    company,
    written: done.written.get(company.id) ?? [],
    writeError: done.writeErrors.get(company.id) ?? null,
    plays: done.plays,
    snapshot: done.snapshots.get(company.id)!,
  };
}
