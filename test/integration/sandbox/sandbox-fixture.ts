import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  startSandbox,
  type SandboxHandle,
  type SandboxOptions,
} from '../../../src/sandbox/start-sandbox.ts';

export interface Reply {
  status: number;
  headers: Headers;
  // Test code reads arbitrary JSON shapes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface TestSandbox {
  sandbox: SandboxHandle;
  dataDir: string;
  get(path: string, token?: string): Promise<Reply>;
  post(path: string, body: unknown, token?: string): Promise<Reply>;
  /** Stops the server; with `keepData` the portal file stays for a restart. */
  close(keepData?: boolean): Promise<void>;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'vitals-sandbox-'));

/** A sandbox on a free port in a temp data dir; a new portal is small (25 companies) unless told otherwise. */
export async function startTestSandbox(
  options: Partial<SandboxOptions> = {},
): Promise<TestSandbox> {
  const dataDir = options.dataDir ?? tempDataDir();
  const size = options.dataDir ? {} : { companies: 25 };
  const sandbox = await startSandbox({ ...size, ...options, dataDir });
  const call = async (
    method: string,
    path: string,
    body: unknown,
    token: string,
  ): Promise<Reply> => {
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  return {
    sandbox,
    dataDir,
    get: (path, token = sandbox.token) => call('GET', path, undefined, token),
    post: (path, body, token = sandbox.token) => call('POST', path, body, token),
    close: async (keepData = false) => {
      await sandbox.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** HubSpot's standard error body, with a fresh correlation id echoed in the header. */
export function expectStandardError(reply: Reply, status: number, category: string): void {
  expect(reply.status).toBe(status);
  expect(reply.body).toMatchObject({ status: 'error', category, message: expect.any(String) });
  expect(reply.body.correlationId).toMatch(UUID);
  expect(reply.headers.get('x-hubspot-correlation-id')).toBe(reply.body.correlationId);
}

/** Every company of the portal, following `paging.next.after` to the end. */
export async function listAll(t: TestSandbox, type: string, properties: string[] = []) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const all: any[] = [];
  let after: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '100', properties: properties.join(',') });
    if (after) query.set('after', after);
    const reply = await t.get(`/crm/v3/objects/${type}?${query}`);
    expect(reply.status).toBe(200);
    all.push(...reply.body.results);
    after = reply.body.paging?.next?.after;
  } while (after);
  return all;
}
