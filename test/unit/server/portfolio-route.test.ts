import { pino } from 'pino';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  noViewSchema,
  PORTFOLIO_PATH,
  portfolioAnswerSchema,
} from '../../../extensions/app/pages/home-page-contract.ts';
import { Secret } from '../../../src/config/secret.ts';
import { homePageView } from '../../../src/reports/home-page-view.ts';
import type { CardApiDeps, StoredPortfolioView } from '../../../src/server/card-api-deps.ts';
import { NO_RUN_YET, UNREADABLE_VIEW } from '../../../src/server/portfolio-route.ts';
import { startServer } from '../../../src/server/start-server.ts';
import { ACCOUNTS, CONTEXT, MRR_HISTORY } from '../reports/portfolio-fixture.ts';
import { signLikeHubSpot } from './sign-like-hubspot.ts';

const SECRET = 'portfolio-route-secret';
const PUBLIC_URL = 'https://vitals.example.com';
const NOW = new Date('2025-06-02T12:30:00.000Z');
const VIEW = homePageView(ACCOUNTS, MRR_HISTORY, CONTEXT);
const COMPUTED_AT = '2025-06-02T12:00:05.000Z';

/** Anything the route must not touch: every property access fails the test. */
const untouchable = (name: string) =>
  new Proxy(
    {},
    {
      get: (_target, key) => {
        if (key === 'then') return undefined;
        throw new Error(`GET /api/portfolio touched ${name}.${String(key)}`);
      },
    },
  );

async function serve(deps: Partial<CardApiDeps>) {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'debug' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
  const server = await startServer(
    {
      store: untouchable('store') as CardApiDeps['store'],
      gateway: untouchable('HubSpot') as CardApiDeps['gateway'],
      portal: '4711',
      clientSecret: new Secret(SECRET),
      publicUrl: PUBLIC_URL,
      log,
      now: () => NOW,
      ...deps,
    } as CardApiDeps,
    { port: 0, host: '127.0.0.1' },
  );
  onTestFinished(() => server.close());
  const get = async (headers: Record<string, string> = signed()) => {
    const res = await fetch(server.url + PORTFOLIO_PATH, { headers });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  return { get, lines };
}

function signed(secret = SECRET): Record<string, string> {
  const timestamp = String(NOW.getTime());
  return {
    'X-HubSpot-Signature-v3': signLikeHubSpot({
      secret,
      method: 'GET',
      uri: PUBLIC_URL + PORTFOLIO_PATH,
      timestamp,
    }),
    'X-HubSpot-Request-Timestamp': timestamp,
  };
}

/** A portfolioView dependency that counts its calls. */
function saved(stored: StoredPortfolioView | null) {
  const reads = { count: 0 };
  const portfolioView = async () => {
    reads.count += 1;
    return stored;
  };
  return { portfolioView, reads };
}

describe('GET /api/portfolio', () => {
  it('answers the saved view and when it was computed, without calling HubSpot', async () => {
    const { portfolioView, reads } = saved({ view: VIEW, computedAt: COMPUTED_AT });
    const { get } = await serve({ portfolioView });
    const answer = await get();
    expect(answer.status).toBe(200);
    expect(portfolioAnswerSchema.parse(answer.body)).toEqual({
      status: 'ready',
      computedAt: COMPUTED_AT,
      view: VIEW,
      appOrigin: 'https://app.hubspot.com',
    });
    expect(reads.count).toBe(1);
  });

  it("gives the portal's own HubSpot origin with the answer, not inside the saved view", async () => {
    const { portfolioView } = saved({ view: VIEW, computedAt: COMPUTED_AT });
    const { get } = await serve({ portfolioView, uiDomain: 'app-eu1.hubspot.com' });
    const answer = await get();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ appOrigin: 'https://app-eu1.hubspot.com' });
    expect(portfolioAnswerSchema.parse(answer.body).view).toEqual(VIEW);
    expect(JSON.stringify((answer.body as { view: unknown }).view)).not.toContain('hubspot.com');
  });

  it.each([
    ['no signature', {}],
    ['a signature made with another secret', signed('not-the-app-secret')],
  ])('refuses a request with %s, before reading anything', async (_, headers) => {
    const { portfolioView, reads } = saved({ view: VIEW, computedAt: COMPUTED_AT });
    const { get } = await serve({ portfolioView });
    const answer = await get(headers);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      status: 'error',
      message: 'The request signature is missing or invalid.',
    });
    expect(reads.count).toBe(0);
  });

  it('says no run has summed up the portal yet when none saved a view (not a 500)', async () => {
    const { get } = await serve(saved(null));
    const answer = await get();
    expect(answer.status).toBe(404);
    expect(noViewSchema.parse(answer.body)).toEqual({ status: 'no-view', message: NO_RUN_YET });
  });

  it('answers no-view, and logs why, when the saved view breaks the contract', async () => {
    const corrupt = { ...VIEW, version: 0, tiers: 'many' };
    const { get, lines } = await serve(saved({ view: corrupt, computedAt: COMPUTED_AT }));
    const answer = await get();
    expect(answer.status).toBe(404);
    expect(noViewSchema.parse(answer.body).message).toBe(UNREADABLE_VIEW);
    const warning = lines.find((l) => l.level === 40 && Array.isArray(l.issues));
    expect(warning?.msg).toContain('another shape than this version reads');
    expect(JSON.stringify(warning?.issues)).toContain('version');
  });

  it("reads the store's saved view of this portal when none is injected and no run is newer", async () => {
    const asked: string[] = [];
    const store = {
      portfolioView: async (portal: string) => {
        asked.push(portal);
        return { view: VIEW, computedAt: COMPUTED_AT };
      },
      // The last completed pass finished before the view was computed: nothing to compute.
      listRuns: async () => [
        { id: 'r2', status: 'running', dryRun: false, finishedAt: null },
        { id: 'r1', status: 'completed', dryRun: false, finishedAt: '2000-01-01T00:00:00.000Z' },
      ],
    };
    const { get } = await serve({ store: store as unknown as CardApiDeps['store'] });
    expect((await get()).status).toBe(200);
    expect(asked).toEqual(['4711']);
  });

  it('answers 500 in plain words when the store cannot be read', async () => {
    const { get } = await serve({
      portfolioView: async () => {
        throw new Error('disk I/O error');
      },
    });
    const answer = await get();
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).toContain('Something went wrong inside the Vitals service');
    expect(JSON.stringify(answer.body)).not.toContain('disk I/O');
  });
});
