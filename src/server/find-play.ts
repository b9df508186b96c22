import type { LedgerEntry } from '../store/store.ts';
import { ApiError } from './api-error.ts';
import type { CardApiDeps } from './card-api-deps.ts';
import { savedCard } from './company-card.ts';
import type { SnapshotPlay } from '../jobs/card-snapshot.ts';

export interface FoundPlay {
  play: SnapshotPlay;
  /** The company's whole ledger, newest first. */
  ledger: LedgerEntry[];
}

/** A play of the company's saved card, with its ledger; 404 naming the plays it does have. */
export async function findPlay(
  deps: Pick<CardApiDeps, 'store' | 'portal' | 'log'>,
  companyId: string,
  playId: string,
): Promise<FoundPlay> {
  const { snapshot } = await savedCard(deps, companyId).catch((error: unknown) => {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    throw new ApiError(
      404,
      `No run has scored company ${companyId} yet, so it has no plays to act on. Score it first ("Score now" on the card), then try again.`,
    );
  });
  const play = snapshot.plays.find((p) => p.id === playId);
  if (!play) {
    const ids = snapshot.plays.map((p) => `"${p.id}"`);
    const has = ids.length > 0 ? `Its plays now: ${ids.join(', ')}.` : 'It has no plays now.';
    throw new ApiError(
      404,
      `Company ${companyId} has no play "${playId}". ${has} Reload the card to see the current ones.`,
    );
  }
  return { play, ledger: await deps.store.ledgerForCompany(deps.portal, companyId) };
}
