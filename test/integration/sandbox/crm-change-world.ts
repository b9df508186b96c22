import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Io } from '../../../src/cli/process-io.ts';
import { sandboxAssociateCommand } from '../../../src/cli/sandbox-associate-command.ts';
import { sandboxChangeCommand } from '../../../src/cli/sandbox-change-command.ts';
import { createGateway } from '../../../src/hubspot/create-gateway.ts';
import { eventWork } from '../../../src/jobs/inbox-event-companies.ts';
import type { SandboxWebhookOptions } from '../../../src/sandbox/start-sandbox.ts';
import { inboxEventOf } from '../../../webhooks/inbox-event-of.ts';
import { listAll, startTestSandbox, type Reply, type TestSandbox } from './sandbox-fixture.ts';
import { SECRET, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

// A CSM's world for contact and association webhooks: a small sandbox with the app's own
// subscriptions, a receiver that checks every delivery as the app does, the CLI commands, and
// what the app's worker makes of the events.

/**
 * The subscriptions the app uploads to HubSpot: contact.propertyChange for the buying role, NPS,
 * survey date and left_company, and company.associationChange.
 */
export const APP_SUBSCRIPTIONS = (
  JSON.parse(
    readFileSync(
      new URL('../../../extensions/app/webhooks/webhooks-hsmeta.json', import.meta.url),
      'utf8',
    ),
  ) as { config: { subscriptions: SandboxWebhookOptions['subscriptions'] } }
).config.subscriptions;

export const COMPANY = '31000000001';

type Gateway = ReturnType<typeof createGateway>;

export function quietIo(): { io: Io; out: () => string } {
  let out = '';
  const io: Io = { out: (text) => (out += text), err: () => {}, color: false, errIsTTY: false };
  return { io, out: () => out };
}

/** The companies the app's worker rescores for these events: eventWork, then a contact's companies. */
export async function companiesToRescore(gateway: Gateway, events: object[]): Promise<string[]> {
  const companies = new Set<string>();
  const contacts = new Set<string>();
  for (const event of events) {
    const work = workFor(event);
    if (work.kind === 'companies') work.ids.forEach((id) => companies.add(id));
    else if (work.kind === 'contacts') work.ids.forEach((id) => contacts.add(id));
    else throw new Error(`The worker would not rescore for ${JSON.stringify(work)}.`);
  }
  const links = await gateway.readAssociations('contacts', 'companies', [...contacts]);
  for (const ids of links.values()) ids.forEach((id) => companies.add(id));
  return [...companies].sort();
}

/** What the worker makes of one delivered event, stored as the intake stores it. */
export function workFor(event: object) {
  return eventWork({
    ...inboxEventOf({ event: event as never, raw: event }),
    portal: 'sandbox',
  } as never);
}

/** Registers the hooks; each test then starts its own sandbox with `start`. */
export function useCrmChangeWorld() {
  let root = '';
  let receiver: WebhookReceiver;
  let t: TestSandbox | undefined;
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'vitals-crm-changes-'));
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await t?.close(true);
    t = undefined;
    await receiver.close();
    rmSync(root, { recursive: true, force: true });
  });
  const sandbox = () => {
    if (!t) throw new Error('Call start() first.');
    return t;
  };
  const env = () => ({ VITALS_DATA_DIR: root });

  return {
    env,
    sandbox,
    /** A 5-company sandbox, with one contact of COMPANY and another company to link it to. */
    async start(subscriptions: SandboxWebhookOptions['subscriptions'] = APP_SUBSCRIPTIONS) {
      t = await startTestSandbox({
        dataDir: join(root, 'sandbox'),
        companies: 5,
        webhooks: { targetUrl: receiver.url, clientSecret: SECRET, subscriptions, gatherMs: 20 },
      });
      const gateway = createGateway({
        accessToken: t.sandbox.token,
        basePath: t.sandbox.url,
        per10s: 190,
      });
      const links = await gateway.readAssociations('companies', 'contacts', [COMPANY]);
      const contact = links.get(COMPANY)?.[0];
      if (!contact) throw new Error(`The seeded company ${COMPANY} has no contact.`);
      // Seeded company ids skip numbers: take the second one there is.
      const other = String((await listAll(t, 'companies'))[1].id);
      return { gateway, contact, other };
    },
    /** PATCH, PUT and DELETE, which the shared fixture does not send. */
    async send(method: string, path: string, body?: unknown): Promise<Reply> {
      const { sandbox: handle } = sandbox();
      const res = await fetch(`${handle.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${handle.token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return {
        status: res.status,
        headers: res.headers,
        body: text ? JSON.parse(text) : undefined,
      };
    },
    /** `vitals sandbox change`, which must succeed; its output. */
    change(id: string, ...assignments: string[]): string {
      const { io, out } = quietIo();
      expect(sandboxChangeCommand(id, assignments, io, env())).toBe(0);
      return out();
    },
    /** `vitals sandbox associate|dissociate`, which must succeed; its output. */
    link(action: 'associate' | 'dissociate', ...ids: [string, string]): string {
      const { io, out } = quietIo();
      expect(sandboxAssociateCommand(action, ids, io, env())).toBe(0);
      return out();
    },
    /** Events delivered since the last call, each delivery checked as the app checks it. */
    async delivered() {
      await sandbox().sandbox.webhooks!.flush();
      const deliveries = receiver.deliveries.splice(0);
      for (const delivery of deliveries) {
        expect(delivery.signedLikeHubSpot).toBe(true);
        expect(delivery.appAccepts).toBe(true);
      }
      return deliveries.flatMap((delivery) => delivery.events);
    },
  };
}
