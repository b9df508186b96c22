import { z } from 'zod';

// The one contract between the app's home page and the service: src/ imports this module, the
// page imports it too, so the two cannot drift apart. HubSpot builds each extension point from
// its own folder only, so the page cannot share the cards' contract: what both need is repeated
// here. Money is MRR in the portal's currency; times are ISO-8601 strings, dates YYYY-MM-DD.

/** Raised whenever the view changes shape: a page and a service of other versions then say so. */
export const HOME_PAGE_VIEW_VERSION = 1;

/** The model's tier colours, and gray for accounts with no data. */
export const TIER_COLORS = ['green', 'lime', 'yellow', 'orange', 'red', 'gray'] as const;

export const FORECASTS = ['committed', 'likely', 'at-risk', 'lost'] as const;

const count = z.number().int().min(0);
/** Percent to one decimal; null when the whole is zero (a share of nothing). */
const percent = z.number().nullable();
const tally = z.object({ accounts: count, mrr: z.number() });

const tierShare = tally.extend({
  key: z.string(),
  label: z.string(),
  color: z.enum(TIER_COLORS),
  accountShare: percent,
  mrrShare: percent,
});

const trendPoint = z.object({
  /** The week's last day in the portal's time zone; the last point is `asOf`'s day. */
  weekEnding: z.string(),
  average: z.number().nullable(),
});

const owner = {
  ownerId: z.string().nullable(),
  /** The owner's name when the run knew it; the page falls back to the id. */
  ownerName: z.string().nullable(),
};

const renewalRow = z.object({
  companyId: z.string(),
  name: z.string().nullable(),
  ...owner,
  renewalDate: z.string(),
  daysToGo: z.number().int(),
  mrr: z.number().nullable(),
  /** A key of `tiers`. */
  tier: z.string(),
  score: z.number().nullable(),
  forecast: z.enum(FORECASTS),
  /** Why, in words: "At risk, 25 days to go". */
  forecastReason: z.string(),
});

const renewals = z.object({
  /** How far ahead the renewals reach. */
  days: count,
  total: tally,
  windows: z.array(tally.extend({ key: z.string(), label: z.string() })),
  forecast: z.array(tally.extend({ forecast: z.enum(FORECASTS), label: z.string() })),
  /** How each forecast is decided, one line per grade. */
  forecastRule: z.array(z.string()),
  /** The first rows only (`total` counts them all): lost and at risk first, then soonest. */
  rows: z.array(renewalRow),
});

const alertRow = z.object({
  companyId: z.string(),
  name: z.string().nullable(),
  tier: z.string(),
  score: z.number().nullable(),
  change7d: z.number().nullable(),
  mrr: z.number().nullable(),
  play: z.string(),
  /** What set it off, in plain words. */
  trigger: z.string(),
  priority: z.enum(['HIGH', 'MEDIUM', 'LOW']),
  ...owner,
  dueAt: z.string().nullable(),
  /** open: recommended, no task yet; task-created: a task waits in HubSpot; held: daily cap. */
  status: z.enum(['open', 'task-created', 'held']),
});

const retentionPeriod = z.object({
  /** "May 2025", "Q1 2025". */
  label: z.string(),
  from: z.string(),
  to: z.string(),
  /** When the count starts: `from`, or when Vitals began recording MRR if that is later. */
  startsAt: z.string(),
  notes: z.array(z.string()),
  start: tally,
  expansion: tally,
  contraction: tally,
  churn: tally,
  /** Accounts that started paying or came back: not part of NRR or GRR. */
  newMrr: tally,
  nrr: percent,
  grr: percent,
  logoChurn: z.object({ lost: count, start: count, percent }),
});

export const homePageViewSchema = z.object({
  version: z.literal(HOME_PAGE_VIEW_VERSION),
  asOf: z.string(),
  /** The portal's time zone: week endings and renewal days are counted there. */
  timeZone: z.string(),
  /** Customers now (churned accounts are not counted). */
  total: tally,
  /** Customers without a known MRR, counted as 0 in every MRR figure. */
  withoutMrr: count,
  /** Best first, then "No data"; every tier, even empty. */
  tiers: z.array(tierShare),
  averageScore: z.number().nullable(),
  /** 13 weekly averages, oldest first. */
  trend: z.array(trendPoint),
  trendChange: z.object({ weeks: z.number().nullable(), week: z.number().nullable() }),
  /** When the scoring model changed within the trend's weeks: averages either side differ in kind. */
  modelChanges: z.array(z.object({ at: z.string(), from: z.string(), to: z.string() })).default([]),
  renewals,
  /** Plays waiting on someone, most urgent first; the first rows only. */
  alerts: z.object({ total: count, rows: z.array(alertRow) }),
  /** The last full calendar month and quarter before `asOf`. */
  retention: z.object({ month: retentionPeriod, quarter: retentionPeriod }),
});

export type HomePageView = z.infer<typeof homePageViewSchema>;
export type RenewalRow = z.infer<typeof renewalRow>;
export type AlertRow = z.infer<typeof alertRow>;
export type RetentionPeriod = z.infer<typeof retentionPeriod>;
export type TierShare = z.infer<typeof tierShare>;

/** Where a portal in HubSpot's US data centre is opened; a service before appOrigin meant this. */
export const DEFAULT_APP_ORIGIN = 'https://app.hubspot.com';

/** Links to records are built on it, so only an https origin on hubspot.com passes. */
const appOrigin = z
  .string()
  .regex(/^https:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*hubspot\.com$/)
  .default(DEFAULT_APP_ORIGIN);

/** GET PORTFOLIO_PATH answers this (200), from the view the last run saved. */
export const portfolioAnswerSchema = z.object({
  status: z.literal('ready'),
  /** When the run computed the view. */
  computedAt: z.string(),
  view: homePageViewSchema,
  /**
   * The portal's own HubSpot origin (https://app-eu1.hubspot.com for an EU portal), where the
   * page's company links open. Per answer, not part of the saved view; an older service leaves
   * it out and the page reads DEFAULT_APP_ORIGIN.
   */
  appOrigin,
});

/** …or 404 with this: no run has saved a view the service can read yet. */
export const noViewSchema = z.object({ status: z.literal('no-view'), message: z.string() });

export const PORTFOLIO_PATH = '/api/portfolio';
