import { z } from 'zod';

// The one contract between the health card and the service (src/server imports this module,
// the card imports it too), so the two cannot drift apart. Times are ISO-8601 strings.

// The model's tier colours, and gray for an account with no data.
export const TIER_COLORS = ['green', 'lime', 'yellow', 'orange', 'red', 'gray'] as const;

const tier = z.object({
  key: z.string(),
  label: z.string(),
  color: z.enum(TIER_COLORS),
});

const dimension = z.object({
  key: z.string(),
  label: z.string(),
  /** 0–10; null when none of its signals had data. */
  score: z.number().min(0).max(10).nullable(),
  /** Share of the score, in percent. */
  weight: z.number(),
});

const driver = z.object({
  label: z.string(),
  /** What the value is now, in words. */
  value: z.string(),
  /** Score points it costs (negative). */
  impact: z.number(),
});

const lever = z.object({
  label: z.string(),
  /** What the value would have to become. */
  target: z.string(),
  /** Whole score points gained if it did. */
  gain: z.number(),
});

export const PLAY_STATUSES = [
  /** Recommended; nothing done about it yet (a dry run, or a run is acting on it right now). */
  'open',
  /** A task exists in HubSpot (`taskId`). */
  'task-created',
  /** Its task waits for the owner's daily task limit: `heldUntil`; "Create task" makes it now. */
  'held',
  /** Vitals did not act on it; `detail` says why (e.g. it was so before Vitals watched). */
  'skipped',
  /** Contacts were enrolled in a sequence. */
  'enrolled',
  /** A CSM dismissed it; `detail` is their reason. */
  'dismissed',
  /** Vitals completed its task (`taskId`) when the episode ended; `detail` says why. */
  'completed',
] as const;

const play = z.preprocess(
  fromOlderService,
  z.object({
    /** The rule id: stable, used in the play's URLs. */
    id: z.string(),
    title: z.string(),
    /** Why it fired, in plain words. */
    why: z.string(),
    priority: z.enum(['HIGH', 'MEDIUM', 'LOW']),
    dueAt: z.string().nullable(),
    status: z.enum(PLAY_STATUSES),
    /** The HubSpot task, when one exists. */
    taskId: z.string().nullable(),
    /** In words: why it was skipped or completed, the dismissal reason, what holds it back. */
    detail: z.string().nullable(),
    /** When held: the first run from then creates its task; null when that is past or unknown. */
    heldUntil: z.string().nullable(),
  }),
);

/** A service older than the card sends `dismissedBecause`, and neither `detail` nor `heldUntil`. */
function fromOlderService(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || 'detail' in value) return value;
  const { dismissedBecause = null, ...rest } = value as Record<string, unknown>;
  return { ...rest, detail: dismissedBecause, heldUntil: null };
}

const historyPoint = z.object({
  at: z.string(),
  score: z.number().nullable(),
  /** The model that gave the score ("retention-os 1+3fa9c2d1"); absent from older services. */
  model: z.string().optional(),
});

export const companyCardSchema = z.object({
  companyId: z.string(),
  name: z.string().nullable(),
  /** scored: normal; no-data: scored, but there was nothing to score (score unknown, not 0). */
  state: z.enum(['scored', 'no-data']),
  score: z.number().int().min(0).max(100).nullable(),
  tier,
  /** Points since 7 days ago; null when history is shorter. */
  change7d: z.number().nullable(),
  /** 0–100: the share of the model's weight that had data. */
  coverage: z.number().min(0).max(100),
  /** Labels of the signals without data, for "coverage is low because…". */
  missing: z.array(z.string()),
  dimensions: z.array(dimension),
  drivers: z.array(driver),
  levers: z.array(lever),
  plays: z.array(play),
  /** The last 90 days, oldest first. */
  history: z.array(historyPoint),
  scoredAt: z.string(),
  /** When a run last looked at the company, changed or not. */
  checkedAt: z.string().nullable(),
  model: z.string(),
});

export type CompanyCard = z.infer<typeof companyCardSchema>;
export type CardPlay = z.infer<typeof play>;

/** GET /api/cards/companies/:id answers this, or 404 with `notScoredSchema` for a company no
 * run has scored yet (the card then offers "Score now"). */
export const notScoredSchema = z.object({
  status: z.literal('not-scored'),
  companyId: z.string(),
  message: z.string(),
});

export const dismissRequestSchema = z.object({
  reason: z.string().trim().min(3).max(500),
});

export const errorSchema = z.object({ status: z.literal('error'), message: z.string() });

/**
 * The paths, in one place, so the card and the server build them the same way. The three POSTs
 * answer 2xx with the updated card (companyCardSchema); any failure with errorSchema, whose
 * message the card shows to the CSM as it is, so it is written for them.
 */
export const CARD_PATHS = {
  company: (id: string) => `/api/cards/companies/${encodeURIComponent(id)}`,
  rescore: (id: string) => `/api/cards/companies/${encodeURIComponent(id)}/rescore`,
  createTask: (id: string, playId: string) =>
    `/api/cards/companies/${encodeURIComponent(id)}/plays/${encodeURIComponent(playId)}/task`,
  dismiss: (id: string, playId: string) =>
    `/api/cards/companies/${encodeURIComponent(id)}/plays/${encodeURIComponent(playId)}/dismiss`,
} as const;
