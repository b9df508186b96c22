import { logger } from '@hubspot/ui-extensions';
import { type HomePageView, noViewSchema, portfolioAnswerSchema } from '../home-page-contract.ts';
import type { ServiceAnswer } from './call-service.ts';

/** Why the page has nothing to show: each comes with its own advice. */
export type UnavailableReason = 'unreachable' | 'refused' | 'unreadable';

/** Where loading the portfolio stands. */
export type PortfolioLoad =
  | { status: 'loading' }
  | { status: 'ready'; view: HomePageView; computedAt: string; appOrigin: string }
  | { status: 'no-run-yet'; message: string }
  | { status: 'unavailable'; reason: UnavailableReason };

/** Reads the service's answer to GET PORTFOLIO_PATH. */
export function readPortfolioAnswer(
  answer: ServiceAnswer,
): Exclude<PortfolioLoad, { status: 'loading' }> {
  if (!answer.reached || answer.status >= 500)
    return { status: 'unavailable', reason: 'unreachable' };
  const { status, body } = answer;
  if (status === 401 || status === 403) return { status: 'unavailable', reason: 'refused' };
  const noView = noViewSchema.safeParse(body);
  if (status === 404 && noView.success)
    return { status: 'no-run-yet', message: noView.data.message };
  const ready = portfolioAnswerSchema.safeParse(body);
  if (status >= 200 && status < 300 && ready.success) {
    const { view, computedAt, appOrigin } = ready.data;
    return { status: 'ready', view, computedAt, appOrigin };
  }
  // A service without the route (404) or with another version of the view.
  logger.warn(`Vitals: the portfolio answer (${status}) does not match the contract`);
  return { status: 'unavailable', reason: 'unreadable' };
}
