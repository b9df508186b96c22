import { savePortfolioView } from '../jobs/save-portfolio-view.ts';
import type { CardApiDeps, StoredPortfolioView } from './card-api-deps.ts';

type Deps = Pick<CardApiDeps, 'store' | 'portal' | 'model' | 'plays' | 'now'>;

/** Enough runs back to pass over the dry runs and failures since the last completed pass. */
const RUNS_LOOKED_AT = 20;

/**
 * The home page's view of the last completed full run: the saved one while it is that recent,
 * otherwise computed from the store once (requests that come meanwhile wait for the same
 * computation) and saved. Computing it here rather than at the end of the run keeps a pass's
 * memory to its chunks: loading a 100,000-company book at once would add about 80 MB to it.
 */
export function currentPortfolioView(deps: Deps): () => Promise<StoredPortfolioView | null> {
  let computing: { runId: string; done: Promise<void> } | null = null;
  return async () => {
    const runs = await deps.store.listRuns({ portal: deps.portal, limit: RUNS_LOOKED_AT });
    const last = runs.find((r) => r.status === 'completed' && !r.dryRun && r.finishedAt);
    const stored = await deps.store.portfolioView(deps.portal);
    if (!last || (stored && stored.computedAt >= last.finishedAt!)) return stored;
    if (computing?.runId !== last.id) {
      const done = savePortfolioView(deps.store, deps.portal, {
        asOf: deps.now?.() ?? new Date(),
        timeZone: deps.plays?.settings.timeZone ?? 'UTC',
        tiers: deps.model.model.tiers.map((t) => ({ key: t.key, label: t.label, color: t.color })),
        playsOn: deps.plays !== null,
      });
      computing = { runId: last.id, done };
      // A failed computation is tried again by the next request.
      done.catch(() => {
        if (computing?.done === done) computing = null;
      });
    }
    await computing.done;
    return deps.store.portfolioView(deps.portal);
  };
}
