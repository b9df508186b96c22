import { logger } from '@hubspot/ui-extensions';
import { type CompanyCard, companyCardSchema, notScoredSchema } from '../card-contract.ts';
import type { ServiceAnswer } from './call-service.ts';

/** Where loading a company's card stands. */
export type CardLoad =
  | { status: 'loading' }
  | { status: 'ready'; card: CompanyCard }
  | { status: 'not-scored' }
  | { status: 'unavailable' }
  | { status: 'forbidden' };

/** Reads the service's answer to GET CARD_PATHS.company. */
export function readCardAnswer(answer: ServiceAnswer): Exclude<CardLoad, { status: 'loading' }> {
  if (!answer.reached) return { status: 'unavailable' };
  const { status, body } = answer;
  if (status === 401 || status === 403) return { status: 'forbidden' };
  if (status === 404) {
    if (notScoredSchema.safeParse(body).success) return { status: 'not-scored' };
  }
  if (status >= 200 && status < 300) {
    const card = companyCardSchema.safeParse(body);
    if (card.success) return { status: 'ready', card: card.data };
    logger.warn(`Vitals: the card answer does not match the contract: ${card.error.message}`);
  }
  return { status: 'unavailable' };
}
