import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../src/app/open-app.ts';
import { cardApiBeside } from '../../../src/cli/serve-command.ts';

let squatter: Server;
let port: number;
let dataDir: string;
let app: App;

beforeAll(async () => {
  // Something else already listens where `vitals start` wants to serve.
  squatter = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
  port = (squatter.address() as AddressInfo).port;
  dataDir = mkdtempSync(join(tmpdir(), 'vitals-beside-'));
  app = await openApp(
    {
      VITALS_DATA_DIR: dataDir,
      PORT: String(port),
    },
    { serve: true },
  );
}, 60_000);

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => squatter.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the card API beside the schedule on the sandbox', () => {
  it('says the port is taken and that the sandbox webhooks then go nowhere, and runs go on', async () => {
    const said: string[] = [];
    const io = { out: () => undefined, err: () => undefined, color: false, errIsTTY: false };
    const server = await cardApiBeside(app, io, (text) => said.push(text));
    expect(server).toBeNull();
    expect(said.join('')).toMatch(/^The card API did not start: .+\n/);
    expect(said.join('')).toContain(
      `Without it the sandbox's webhooks have nowhere to go, so scores move only on scheduled runs: set PORT to a free port (it is ${port}) and start again.\n`,
    );
  });
});
