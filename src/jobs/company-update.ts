import type { CompanyUpdate } from '../hubspot/update-companies.ts';
import type { ScoredCompany } from './score-chunk.ts';

import { RECOMMENDED_PLAYS_PROPERTY } from '../plays/recommended-plays.ts';

export const RECOMMENDED_PROPERTY = RECOMMENDED_PLAYS_PROPERTY;

/**
 * What to write to a scored company: the health values that changed, plus
 * health_recommended_plays when the plays changed it. Null when nothing changed.
 */
export function companyUpdate(
  company: ScoredCompany,
  recommended: ReadonlyMap<string, string> | undefined,
): CompanyUpdate | null {
  const properties: Record<string, string> = { ...(company.changed as Record<string, string>) };
  const plays = recommended?.get(company.id);
  if (plays !== undefined) properties[RECOMMENDED_PROPERTY] = plays;
  return Object.keys(properties).length > 0 ? { id: company.id, properties } : null;
}
