import { EXPANSION_SIGNALS, type ExpansionSignal } from '../plays/play-types.ts';
import type { AccountFactsRecord } from '../store/store.ts';
import type { ScoredCompany } from './score-chunk.ts';

/**
 * What the reports keep of a scored company: the facts its plays read, or with plays off what
 * scoring read (no renewal, churn or growth dates then). Nothing here costs a call: the page
 * already holds it.
 */
export function accountFactsRecord(
  company: ScoredCompany,
  portal: string,
  at: string,
): AccountFactsRecord {
  const facts = company.facts;
  return {
    portal,
    companyId: company.id,
    name: company.name,
    ownerId: company.ownerId,
    segment: company.segment,
    mrr: company.mrr,
    renewalDate: facts?.renewalDate ?? null,
    churnedAt: facts?.churnedAt ?? null,
    customerSince: facts?.customerSince ?? null,
    expansionSeen: facts ? growthSeen(facts.observed) : {},
    updatedAt: at,
  };
}

function growthSeen(observed: Partial<Record<string, string | null>>) {
  const seen: Partial<Record<ExpansionSignal, string>> = {};
  for (const signal of EXPANSION_SIGNALS) {
    const at = observed[signal];
    if (at) seen[signal] = at;
  }
  return seen;
}
