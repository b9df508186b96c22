// The unit tests' card API: a real store and server, a fake gateway.
import { pino } from 'pino';
import { onTestFinished } from 'vitest';
import { errorSchema } from '../../../extensions/app/cards/card-contract.ts';
import { resolveConfig } from '../../../src/config/resolve-config.ts';
import { Secret } from '../../../src/config/secret.ts';
import type { CreateTasksResult } from '../../../src/hubspot/create-tasks.ts';
import type { CardSnapshot } from '../../../src/jobs/card-snapshot.ts';
import { compileModel } from '../../../src/scoring/compile-model.ts';
import type { CardApiDeps } from '../../../src/server/card-api-deps.ts';
import { startServer } from '../../../src/server/start-server.ts';
import type { Store } from '../../../src/store/store.ts';
import { openTestStore } from '../store/open-test-store.ts';
import { enrollAction, taskAction, taskUpdateAction } from '../store/planned-action.ts';
import { scoreRecord } from '../store/score-record.ts';
import { signLikeHubSpot } from './sign-like-hubspot.ts';

const SECRET = 'card-routes-unit-secret';
const PUBLIC_URL = 'https://vitals.example.com';
export const NOW = '2025-03-10T12:00:00.000Z';
export const ID = '101';

// One play per status the card knows, and one that fired on an earlier run.
const critical = taskAction({ ruleId: 'tier-critical', episode: '2025-03-10' });
const renewal = enrollAction({ ruleId: 'renewal-90d', episode: '2025-06-01' });
export const checkins = taskAction({ ruleId: 'missed-checkins', episode: '2025-03-10' });
const earlier = taskAction({
  ruleId: 'score-drop-30d',
  episode: '2025-02-01',
  subject: 'Health slid this month: review the account',
  priority: 'MEDIUM',
  dueAt: '2025-02-03T12:00:00.000Z',
});
export const winBack = enrollAction({
  ruleId: 'win-back',
  episode: '2025-03-10',
  sequence: 'winBack',
});
// Tracks: one held by the daily cap, one skipped by the baseline, one whose episode ended.
export const capped = taskAction({ ruleId: 'renewal-plan', episode: '2025-03-10' });
export const baseline = taskAction({ ruleId: 'expansion-plan', episode: '2025-03-01' });
export const BASELINE =
  'Already so when Vitals started watching this portal: recorded as the starting point, not acted on.';
const saved = taskAction({ ruleId: 'save-playbook', episode: '2025-02-20', subject: 'Save Acme' });
const closed = taskUpdateAction({
  target: saved.key,
  suffix: 'close',
  status: 'COMPLETED',
  body: 'Closed by Vitals on 2025-03-10: the account recovered (78, Healthy).\n\nWhy now: tier fell to critical.',
});

const play = (id: string, actions: CardSnapshot['plays'][number]['actions']) => ({
  id,
  title: `Rule ${id}`,
  why: `why ${id}`,
  priority: 'HIGH' as const,
  dueAt: null,
  actions,
});

const SNAPSHOT: CardSnapshot = {
  companyId: ID,
  name: 'Acme',
  state: 'scored',
  score: 22,
  tier: { key: 'critical', label: 'Critical', color: 'red' },
  change7d: -19,
  coverage: 80,
  missing: ['NPS'],
  dimensions: [{ key: 'usage', label: 'Usage', score: 2.5, weight: 30 }],
  drivers: [{ label: 'Logins', value: '5', impact: -12 }],
  levers: [{ label: 'Logins', target: '80', gain: 9 }],
  plays: [
    play('tier-critical', [critical]),
    play('renewal-90d', [renewal]),
    play('missed-checkins', [checkins]),
    play('score-drop-30d', []),
    play('win-back', [winBack]),
    play('renewal-plan', [capped]),
    play('expansion-plan', []),
  ],
  scoredAt: NOW,
  model: 'retention-os v1',
};

export interface Fakes {
  createTasks?: () => Promise<CreateTasksResult>;
  found?: Map<string, string>;
  dryRun?: boolean;
  store?: (store: Store) => Store;
}

/** A card API on a real store holding one company's saved card, history and ledger. */
export async function world(fakes: Fakes = {}) {
  const { store: real, clock } = await openTestStore(NOW);
  const store = fakes.store ? fakes.store(real) : real;
  await real.appendScores([
    scoreRecord({ companyId: ID, scoredAt: '2025-02-01T12:00:00.000Z', score: 41 }),
    scoreRecord({ companyId: ID, scoredAt: NOW, score: 22 }),
  ]);
  await real.putCompanyStates([
    { portal: 'sandbox', companyId: ID, properties: {}, checkedAt: NOW, card: SNAPSHOT },
  ]);
  await real.recordIntents('sandbox', [critical, renewal, earlier]);
  await real.completeAction('sandbox', critical.key, '5001');
  await real.completeAction('sandbox', renewal.key, '7001');
  await real.skipAction('sandbox', earlier.key, 'Dismissed: they are on holiday');
  await real.recordIntents('sandbox', [capped, baseline, saved, closed]);
  await real.holdAction('sandbox', capped.key, 'Owner 61234567 already has 10 new tasks today.');
  await real.skipAction('sandbox', baseline.key, BASELINE);
  await real.completeAction('sandbox', saved.key, '6001');
  await real.completeAction('sandbox', closed.key, '6001');
  const calls = { createTasks: 0 };
  const gateway = {
    createTasks: async () => {
      calls.createTasks += 1;
      return fakes.createTasks ? fakes.createTasks() : { created: [], errors: [] };
    },
    findTasksByMarker: async () => fakes.found ?? new Map<string, string>(),
  } as unknown as CardApiDeps['gateway'];
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'debug' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
  const config = resolveConfig({}, { env: {}, cwd: '/tmp', file: null });
  const server = await startServer(
    {
      store,
      portal: 'sandbox',
      gateway,
      config: { ...config, dryRun: fakes.dryRun ?? false },
      model: compileModel(config.model),
      plays: {
        settings: { ...config.plays, timeZone: 'Europe/Berlin' },
        mapping: config.playsMapping,
        leftProperty: null,
      },
      clientSecret: new Secret(SECRET),
      publicUrl: PUBLIC_URL,
      log,
      now: clock.now,
    },
    { port: 0, host: '127.0.0.1' },
  );
  onTestFinished(() => server.close());
  const call = async (method: 'GET' | 'POST', path: string, body?: string) => {
    const timestamp = String(clock.now().getTime());
    const signature = signLikeHubSpot({
      secret: SECRET,
      method,
      uri: PUBLIC_URL + path,
      body,
      timestamp,
    });
    const res = await fetch(server.url + path, {
      method,
      body,
      headers: { 'X-HubSpot-Signature-v3': signature, 'X-HubSpot-Request-Timestamp': timestamp },
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const ledger = async (key: string) =>
    (await real.ledgerForCompany('sandbox', ID)).find((e) => e.key === key);
  return { call, ledger, calls, lines, server, store: real };
}

export const message = (body: unknown) => errorSchema.parse(body).message;
