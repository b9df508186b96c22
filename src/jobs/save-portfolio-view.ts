import { homePageView } from '../reports/home-page-view.ts';
import type { TierInfo } from '../reports/report-input.ts';
import { TREND_WEEKS } from '../reports/score-trend.ts';
import type { Store } from '../store/store.ts';
import {
  portfolioAccounts,
  portfolioMrrHistory,
  type PortfolioReader,
} from './portfolio-accounts.ts';

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
  store: PortfolioReader & Pick<Store, 'mrrHistory' | 'putPortfolioView'>,
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
  await store.putPortfolioView(portal, view, asOf.toISOString());
}
