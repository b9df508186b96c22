import { companyCardSchema, type CompanyCard } from '../../extensions/app/cards/card-contract.ts';
import { cardPlays } from '../jobs/card-plays.ts';
import { describeIssues } from '../validation/describe-issues.ts';
import { ApiError } from './api-error.ts';
import type { CardApiDeps } from './card-api-deps.ts';
import { snapshotSchema, type StoredSnapshot } from './snapshot-schema.ts';

/** The card's history chart spans this many days. */
export const HISTORY_DAYS = 90;

export interface SavedCard {
  snapshot: StoredSnapshot;
  /** When a run last looked at the company. */
  checkedAt: string;
}

type Deps = Pick<CardApiDeps, 'store' | 'portal' | 'log'>;
type CardDeps = Deps & Pick<CardApiDeps, 'plays' | 'now'>;

/** The company's saved snapshot; a 404 (not-scored) when no run has saved a usable one. */
export async function savedCard(deps: Deps, companyId: string): Promise<SavedCard> {
  const state = (await deps.store.companyStates(deps.portal, [companyId])).get(companyId);
  if (state?.card === undefined) throw notScored(companyId);
  const parsed = snapshotSchema.safeParse(state.card);
  if (parsed.success) return { snapshot: parsed.data, checkedAt: state.checkedAt };
  deps.log.warn(
    { companyId, issues: describeIssues(parsed.error.issues, state.card).slice(0, 3) },
    'A saved card snapshot has another shape than this version reads; answered not-scored',
  );
  throw notScored(
    companyId,
    `Company ${companyId} was last scored by another version of Vitals, whose card this one cannot read. Choose "Score now" to score it again.`,
  );
}

/**
 * The card as the contract describes it: snapshot + 90 days of history + each play's status,
 * and the tracks whose episode ended lately.
 */
export async function companyCard(deps: CardDeps, companyId: string): Promise<CompanyCard> {
  const { snapshot: s, checkedAt } = await savedCard(deps, companyId);
  const [history, ledger] = await Promise.all([
    deps.store.scoreHistory(deps.portal, companyId, HISTORY_DAYS),
    deps.store.ledgerForCompany(deps.portal, companyId),
  ]);
  const clock = {
    now: deps.now?.() ?? new Date(),
    timeZone: deps.plays?.settings.timeZone ?? null,
  };
  const card: CompanyCard = {
    companyId: s.companyId,
    name: s.name,
    state: s.state,
    score: s.score,
    tier: s.tier,
    change7d: s.change7d,
    coverage: s.coverage,
    missing: s.missing,
    dimensions: s.dimensions.map((d) => ({ ...d, score: tenths(d.score) })),
    drivers: s.drivers,
    levers: s.levers,
    plays: cardPlays(s.plays, ledger, clock).map(({ ownerId: _owner, ...play }) => play),
    history: history.map((h) => ({
      at: h.scoredAt,
      score: h.score,
      model: `${h.model.name} ${h.model.version}`,
    })),
    scoredAt: s.scoredAt,
    checkedAt,
    model: s.model,
  };
  const checked = companyCardSchema.safeParse(card);
  if (checked.success) return checked.data;
  const where = describeIssues(checked.error.issues, card)
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`);
  throw new Error(`The card of company ${companyId} breaks the card contract: ${where.join('; ')}`);
}

/**
 * A dimension's 0–10 score to one decimal, half up: the resolution of the overall 0–100 score,
 * which is a whole number. A tie ends in .x5 exactly, but the float may land a hair below it, so
 * a value within float error of a tie counts as one (a dimension's scores are fractions with
 * small denominators, nowhere else that close to a tie).
 */
export function tenths(score: number | null): number | null {
  if (score === null) return null;
  return Math.floor(score * 10 + 0.5 + 1e-9) / 10;
}

export function notScored(companyId: string, message?: string): ApiError {
  const text =
    message ??
    `No run has scored company ${companyId} yet. Choose "Score now" to score it, or wait for the next scheduled run.`;
  return new ApiError(404, text, { status: 'not-scored', companyId, message: text });
}
