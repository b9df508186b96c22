import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.ts';
import { createGateway } from '../../src/hubspot/create-gateway.ts';
import { setupPortal } from '../../src/jobs/setup-portal.ts';
import { startSandbox } from '../../src/sandbox/start-sandbox.ts';
import { openSqliteStore } from '../../src/store/open-sqlite-store.ts';

export interface SandboxWorldOptions {
  companies: number;
  /** The scopes the sandbox token holds; default all Vitals needs. */
  scopes?: readonly string[];
  /** The store's clock; default the real one. */
  now?: () => Date;
}

/**
 * A set-up sandbox portal, a store beside it, the default config and a gateway with short retry
 * waits: what a run needs, as the app builds it. Closed when the test ends.
 */
export async function sandboxWorld(options: SandboxWorldOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'vitals-world-'));
  const sandboxDir = join(dir, 'sandbox');
  const sandbox = await startSandbox({
    dataDir: sandboxDir,
    companies: options.companies,
    rateLimit: { per10s: 250 },
    ...(options.scopes ? { scopes: options.scopes } : {}),
  });
  const store = await openSqliteStore(dir, options.now ? { now: options.now } : undefined);
  onTestFinished(async () => {
    await store.close();
    await sandbox.close();
  });
  const config = resolveConfig({}, { env: { VITALS_DATA_DIR: dir }, cwd: dir, file: null });
  const gateway = createGateway({
    accessToken: sandbox.token,
    basePath: sandbox.url,
    per10s: 250,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
  await setupPortal(gateway, config, { dryRun: false });
  return { dir, sandboxDir, sandbox, store, config, gateway };
}
