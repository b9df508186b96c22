import { homePageView } from '../reports/home-page-view.ts';
import type { TierInfo } from '../reports/report-input.ts';
import { modelChanges } from '../reports/model-changes.ts';
import { TREND_WEEKS } from '../reports/score-trend.ts';
import type { Store } from '../store/store.ts';
import {
  portfolioAccounts,
  portfolioMrrHistory,
  type PortfolioReader,
} from './portfolio-accounts.ts';

/** Runs looked through for model changes: 13 weeks of runs every 6 hours, and then some. */
const RUNS_LOOKED_AT = 500;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface PortfolioViewSettings {
  /** The end of the run: the view's "now". */
  asOf: Date;
  /** The portal's time zone (plays.timeZone), for the last full month and quarter. */
  timeZone: string;
  /** The model's tiers, best first. */
  tiers: readonly TierInfo[];
  /** Whether plays are on: only then does a held task count as released on its day. */
  playsOn: boolean;
}

/**
 * Computes the app home page's view of the whole book from the store and saves it, once per run
 * (see currentPortfolioView): `GET /api/portfolio` then answers from it in milliseconds whatever
 * the portal's size, where computing it takes seconds at 100,000 companies.
 */
export async function savePortfolioView(
  store: PortfolioReader & Pick<Store, 'mrrHistory' | 'putPortfolioView' | 'listRuns'>,
  portal: string,
  settings: PortfolioViewSettings,
): Promise<void> {
  const { asOf, timeZone, tiers } = settings;
  const clock = { now: asOf, timeZone: settings.playsOn ? timeZone : null };
  const accounts = await portfolioAccounts(store, portal, clock, {
    cards: true,
    drivers: false,
    weeks: TREND_WEEKS,
    ledger: true,
    tracks: true,
  });
  const history = await portfolioMrrHistory(store, portal);
  const view = homePageView(accounts, history, { asOf, timeZone, tiers });
  const runs = (await store.listRuns({ portal, limit: RUNS_LOOKED_AT })).filter(
    (r) => r.status === 'completed' && !r.dryRun,
  );
  const since = new Date(asOf.getTime() - TREND_WEEKS * WEEK_MS).toISOString();
  await store.putPortfolioView(
    portal,
    { ...view, modelChanges: modelChanges(runs, since) },
    asOf.toISOString(),
  );
}
