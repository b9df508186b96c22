import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../../src/cli/cli-error.ts';
import type { Io } from '../../../src/cli/process-io.ts';
import { sandboxChangeCommand } from '../../../src/cli/sandbox-change-command.ts';
import { eventWork } from '../../../src/jobs/inbox-event-companies.ts';
import type { SandboxWebhookOptions } from '../../../src/sandbox/start-sandbox.ts';
import { inboxEventOf } from '../../../webhooks/inbox-event-of.ts';
import { startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';
import { SECRET, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

const COMPANY = '31000000001';
const SUBSCRIPTIONS = [
  { subscriptionType: 'object.propertyChange', objectType: 'company', propertyName: 'domain' },
  { subscriptionType: 'company.propertyChange', propertyName: 'lifecyclestage' },
];

let root: string;
const sandboxes: TestSandbox[] = [];
let receiver: WebhookReceiver;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'vitals-webhooks-'));
  receiver = await startWebhookReceiver();
});

afterEach(async () => {
  for (const t of sandboxes.splice(0)) await t.close(true);
  await receiver.close();
  rmSync(root, { recursive: true, force: true });
});

async function start(webhooks: Partial<SandboxWebhookOptions> | null = {}) {
  const t = await startTestSandbox({
    dataDir: join(root, 'sandbox'),
    companies: 5,
    ...(webhooks && {
      webhooks: {
        targetUrl: receiver.url,
        clientSecret: SECRET,
        subscriptions: SUBSCRIPTIONS,
        gatherMs: 20,
        ...webhooks,
      },
    }),
  });
  sandboxes.push(t);
  return t;
}

function change(...args: string[]): { status: number; out: string } {
  let out = '';
  const io: Io = { out: (text) => (out += text), err: () => {}, color: false, errIsTTY: false };
  const [id = '', ...assignments] = args;
  const status = sandboxChangeCommand(id, assignments, io, { VITALS_DATA_DIR: root });
  return { status, out };
}

/** What the app's worker would make of a delivered event. */
function work(event: object) {
  const row = inboxEventOf({ event: event as never, raw: event });
  return eventWork({
    ...row,
    portal: 'sandbox',
    state: 'received',
    attempts: 0,
    error: null,
    receivedAt: '',
    nextAttemptAt: null,
    updatedAt: '',
  });
}

describe('where a change came from', () => {
  it("marks the app token's writes INTEGRATION with the app id, which the app's loop guard ignores", async () => {
    const t = await start({ appId: 777_001 });
    const info = await t.post('/oauth/v2/private-apps/get/access-token-info', {
      tokenKey: t.sandbox.token,
    });
    expect(info.body.appId).toBe(777_001);
    await t.post('/crm/v3/objects/companies/batch/update', {
      inputs: [
        { id: COMPANY, properties: { domain: 'app.example', lifecyclestage: 'evangelist' } },
      ],
    });
    await t.sandbox.webhooks!.flush();

    const events = receiver.events();
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event).toMatchObject({
        appId: 777_001,
        changeSource: 'INTEGRATION',
        sourceId: '777001',
      });
      expect(work(event)).toEqual({ kind: 'ignore', why: 'a change this app made' });
    }
    // The legacy company.* events carry no objectTypeId; the generic object.* ones do.
    const legacy = events.find((event) => event.subscriptionType === 'company.propertyChange');
    expect(legacy).not.toHaveProperty('objectTypeId');
  });

  it('`vitals sandbox change` edits as a user: CRM_UI events the app acts on', async () => {
    const t = await start();
    const { status, out } = change(COMPANY, 'domain=csm.example', 'lifecyclestage=evangelist');
    expect(status).toBe(0);
    expect(out).toMatch(/domain: ".*" → "csm\.example"/);
    expect(out).toContain(`sends the subscribed webhook events to ${receiver.url}`);
    await t.sandbox.webhooks!.flush();

    const events = receiver.events();
    expect(events.map((event) => event.propertyName).sort()).toEqual(['domain', 'lifecyclestage']);
    for (const event of events) {
      expect(event).toMatchObject({ objectId: Number(COMPANY), changeSource: 'CRM_UI' });
      expect(event.sourceId).toMatch(/^userId:\d+$/);
      expect(work(event)).toEqual({ kind: 'companies', ids: [COMPANY] });
    }
    const read = await t.get(
      `/crm/v3/objects/companies/${COMPANY}?propertiesWithHistory=domain&properties=domain`,
    );
    expect(read.body.properties.domain).toBe('csm.example');
    expect(read.body.propertiesWithHistory.domain[0]).toMatchObject({ sourceType: 'CRM_UI' });
  });

  it('says an unchanged value sends no event', async () => {
    const t = await start();
    change(COMPANY, 'domain=same.example');
    await t.sandbox.webhooks!.flush();
    const { out } = change(COMPANY, 'domain=same.example');
    expect(out).toContain('already "same.example", unchanged');
    expect(out).toContain('Nothing changed');
    await t.sandbox.webhooks!.flush();
    expect(receiver.events()).toHaveLength(1);
  });

  it('refuses a bad id, a bad pair, an unknown property (naming the closest) and a bad value', async () => {
    await start();
    const refusal = (...args: string[]) => {
      try {
        change(...args);
      } catch (error) {
        expect(error).toBeInstanceOf(CliError);
        return (error as Error).message;
      }
      throw new Error('no refusal');
    };
    expect(refusal('acme', 'domain=x')).toContain('"acme" is not a company id');
    expect(refusal('31000000999', 'domain=x')).toContain('no company 31000000999');
    expect(refusal(COMPANY, 'domain')).toContain('"domain" is not a property=value pair');
    expect(refusal(COMPANY, 'domian=x')).toBe(
      'The sandbox\'s companies have no property "domian": did you mean "domain"?',
    );
    expect(refusal(COMPANY, 'lifecyclestage=bogus')).toMatch(/lifecyclestage: bogus was not one/);
    expect(refusal(COMPANY, 'domain=a', 'domain=b')).toContain('domain is given twice');
    expect(receiver.events()).toEqual([]);
  });
});

describe('which sandbox delivers', () => {
  it('with no sandbox running, saves the change, says no event was sent, and never replays it', async () => {
    const first = await start(null);
    await first.close(true);
    sandboxes.splice(0);
    const { out } = change(COMPANY, 'domain=offline.example');
    expect(out).toContain('No sandbox with webhooks is running, so no webhook event was sent');

    const t = await start();
    await t.sandbox.webhooks!.flush();
    expect(receiver.events()).toEqual([]);
    const read = await t.get(`/crm/v3/objects/companies/${COMPANY}?properties=domain`);
    expect(read.body.properties.domain).toBe('offline.example');
  });

  it('delivers each change once when two sandboxes share the portal, and hands over on close', async () => {
    const holder = await start();
    const other = await start();
    await other.post('/crm/v3/objects/companies/batch/update', {
      inputs: [{ id: COMPANY, properties: { domain: 'via-other.example' } }],
    });
    await other.sandbox.webhooks!.flush();
    await holder.sandbox.webhooks!.flush();
    expect(receiver.events().map((event) => event.propertyValue)).toEqual(['via-other.example']);

    await holder.close(true);
    await other.sandbox.webhooks!.flush();
    await other.post('/crm/v3/objects/companies/batch/update', {
      inputs: [{ id: COMPANY, properties: { domain: 'after-handover.example' } }],
    });
    await other.sandbox.webhooks!.flush();
    expect(receiver.events().map((event) => event.propertyValue)).toEqual([
      'via-other.example',
      'after-handover.example',
    ]);
  });
});
