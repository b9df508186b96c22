import type { RequestHandler } from 'express';
import {
  DEFAULT_APP_ORIGIN,
  homePageViewSchema,
  type noViewSchema,
  type portfolioAnswerSchema,
} from '../../extensions/app/pages/home-page-contract.ts';
import { describeIssues } from '../validation/describe-issues.ts';
import type { z } from 'zod';
import type { CardApiDeps } from './card-api-deps.ts';
import { currentPortfolioView } from './current-portfolio-view.ts';

type Deps = Pick<
  CardApiDeps,
  'store' | 'portal' | 'log' | 'portfolioView' | 'model' | 'plays' | 'now' | 'uiDomain'
>;

export const NO_RUN_YET =
  'No run has summed up this portal yet. The home page fills in after the next scheduled run; your admin can start one now with `vitals run --once`.';

export const UNREADABLE_VIEW =
  'The last run saved the portfolio in a shape this version of Vitals cannot read. The next run replaces it; your admin can start one now with `vitals run --once`.';

/**
 * GET /api/portfolio: the view of the last completed run, checked against the page's contract.
 * It is computed from the store once per run (the first request after a run waits for it) and
 * read from one saved row after that; never from HubSpot, so the page opens fast on any size.
 */
export function portfolioRoute(deps: Deps): RequestHandler {
  const read = deps.portfolioView ?? currentPortfolioView(deps);
  // Sent with each answer, not saved in the view: views saved before it was known get it too.
  const appOrigin = deps.uiDomain ? `https://${deps.uiDomain}` : DEFAULT_APP_ORIGIN;
  return async (_req, res) => {
    const stored = await read();
    if (stored === null) {
      res.status(404).json(noView(NO_RUN_YET));
      return;
    }
    const parsed = homePageViewSchema.safeParse(stored.view);
    if (!parsed.success) {
      deps.log.warn(
        { issues: describeIssues(parsed.error.issues, stored.view).slice(0, 3) },
        'The saved portfolio view has another shape than this version reads; answered no-view',
      );
      res.status(404).json(noView(UNREADABLE_VIEW));
      return;
    }
    const answer: z.infer<typeof portfolioAnswerSchema> = {
      status: 'ready',
      computedAt: stored.computedAt,
      view: parsed.data,
      appOrigin,
    };
    res.json(answer);
  };
}

function noView(message: string): z.infer<typeof noViewSchema> {
  return { status: 'no-view', message };
}
