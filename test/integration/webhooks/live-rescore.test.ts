import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Secret } from '../../../src/config/secret.ts';
import { startInboxWorker } from '../../../src/jobs/inbox-worker.ts';
import { startServer } from '../../../src/server/start-server.ts';
import { collapse, HOUR, NOW, playsWorld, quietAccounts } from '../../support/plays-world.ts';
import { signLikeHubSpot } from '../../unit/server/sign-like-hubspot.ts';

const SECRET = 'live-rescore-secret';
const PUBLIC_URL = 'https://vitals.example.com';

// A CSM edits a company in HubSpot; HubSpot posts the event; within one drain the company has
// its new score in HubSpot and its save task, without waiting for the schedule.
describe('a webhook delivery rescoring a company live', () => {
  it('takes the signed event, answers 204, and the worker writes the new score and the task', async () => {
    const w = await playsWorld(40);
    await w.run(); // the baseline
    w.clock.now = new Date(NOW.getTime() + 2 * HOUR);
    const [id] = await quietAccounts(w);
    const log = pino({ level: 'silent' });
    const base = w.deps();
    const worker = startInboxWorker(
      { ...base, gateway: w.gateway, now: () => w.clock.now, runFull: () => w.run() },
      log,
    );
    const server = await startServer(
      {
        store: w.store,
        portal: 'sandbox',
        gateway: w.gateway,
        config: { ...base.mapping, dryRun: false },
        model: base.model,
        plays: base.plays ?? null,
        clientSecret: new Secret(SECRET),
        publicUrl: PUBLIC_URL,
        log,
        now: () => w.clock.now,
        onWebhookEvents: () => worker.wake(),
      },
      { port: 0, host: '127.0.0.1' },
    );
    try {
      const [before] = await w.gateway.readCompanies([id!], ['health_score']);
      await collapse(w.gateway, id!);
      const body = JSON.stringify([
        {
          eventId: 9001,
          subscriptionId: 1,
          portalId: 62515,
          appId: 4242,
          occurredAt: w.clock.now.getTime(),
          subscriptionType: 'object.propertyChange',
          objectTypeId: '0-2',
          attemptNumber: 0,
          objectId: Number(id),
          propertyName: 'product_login_pct_of_baseline',
          propertyValue: '20',
          changeSource: 'CRM_UI',
          sourceId: 'userId:7',
        },
      ]);
      const timestamp = String(w.clock.now.getTime());
      const signature = signLikeHubSpot({
        secret: SECRET,
        method: 'POST',
        uri: `${PUBLIC_URL}/webhooks/hubspot`,
        body,
        timestamp,
      });
      const answer = await fetch(`${server.url}/webhooks/hubspot`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'X-HubSpot-Signature-v3': signature,
          'X-HubSpot-Request-Timestamp': timestamp,
        },
      });
      expect(answer.status).toBe(204);
      await worker.idle();
      expect((await w.store.inboxCounts('sandbox')).processed).toBe(1);
      const [after] = await w.gateway.readCompanies([id!], ['health_score']);
      expect(Number(after!.properties.health_score)).toBeLessThan(
        Number(before!.properties.health_score),
      );
      const tasks = (await w.ledger(id!)).filter((e) => e.kind === 'task' && e.status === 'done');
      expect(tasks).toHaveLength(1);
    } finally {
      await server.close();
      await worker.stop();
    }
  });
});
