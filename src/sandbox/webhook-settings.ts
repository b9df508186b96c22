import { z } from 'zod';
import {
  normalizeSubscriptions,
  webhookSubscriptionsSchema,
  type Subscription,
} from './webhook-subscriptions.ts';

const share = z.number().min(0).max(1);
const ms = z.number().int().nonnegative();

// HubSpot's sources disagree on these timings, so each is a knob, with HubSpot's
// documented value (or our best reading of it) as the default.
const schema = z.object({
  /** The subscription's target URL: what HubSpot calls, and signs. */
  targetUrl: z.url({ protocol: /^https?$/, error: 'takes an http(s) URL' }),
  /**
   * Where the requests really go, when that is not targetUrl: the local server behind the
   * public https URL, as a reverse proxy would forward them. Its path and query should be
   * targetUrl's, since the app checks the signature against its public URL + the path it got.
   */
  deliverTo: z.url({ protocol: /^https?$/, error: 'takes an http(s) URL' }).optional(),
  clientSecret: z.string().min(1, 'takes the app client secret the deliveries are signed with'),
  /** The app's id; the sandbox token's writes are attributed to it (sourceId). */
  appId: z.number().int().positive().optional(),
  subscriptions: webhookSubscriptionsSchema,
  /** Added before a gathered batch is first sent: HubSpot's pipeline lag. Default 0. */
  delayMs: ms.default(0),
  /**
   * How long changes gather before they go out, up to 100 events a request. Default 1 s. Each
   * gather renews the portal's webhook lease, so it must come well within LEASE_STALE_MS.
   */
  gatherMs: z.number().int().min(1).max(4000, 'takes at most 4000 ms').default(1000),
  /** Share of events sent a second time, in a later request, with the same eventId. */
  duplicateShare: share.default(0),
  /** Shuffle the events of each gather before they are cut into requests. */
  reorder: z.boolean().default(false),
  /** Seeds the duplicate and reorder draws: same seed, same deliveries. */
  seed: z.number().int().default(1),
  /** HubSpot gives up on a request after ~5 s [U] and retries it. */
  timeoutMs: ms.default(5000),
  /** HubSpot: "we will attempt to re-send failed notifications up to 10 times". */
  maxRetries: ms.default(10),
  /** Multiplies the retry delays (minutes to hours at 1); tests pass e.g. 1e-5. */
  retryDelayScale: z.number().nonnegative().default(1),
  /** HubSpot's settings.maxConcurrentRequests (at least 5 there). */
  maxConcurrentRequests: z.number().int().positive().default(10),
});

export type SandboxWebhookOptions = z.input<typeof schema>;

export type WebhookSettings = Omit<z.output<typeof schema>, 'subscriptions'> & {
  subscriptions: Subscription[];
};

/** Checks the webhooks option of startSandbox and fills in the defaults. */
export function webhookSettings(options: SandboxWebhookOptions): WebhookSettings {
  const parsed = schema.safeParse(options);
  if (!parsed.success) {
    throw new Error(`The sandbox's webhooks option is wrong:\n${z.prettifyError(parsed.error)}`);
  }
  return { ...parsed.data, subscriptions: normalizeSubscriptions(parsed.data.subscriptions) };
}
