import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectPortal } from '../../../src/app/connect-portal.ts';
import { resolveConfig } from '../../../src/config/resolve-config.ts';
import { SANDBOX_DEFAULTS } from '../../../src/sandbox/sandbox-defaults.ts';
import { startSandbox } from '../../../src/sandbox/start-sandbox.ts';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

describe('connecting to a portal', () => {
  it('keys a real portal by the hub id its token belongs to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitals-connect-'));
    // The sandbox stands in for HubSpot here: same token-info answer, its own hub id.
    const hubspot = await startSandbox({ dataDir: join(dir, 'portal'), companies: 5 });
    open.push(hubspot);
    const config = resolveConfig(
      {},
      { env: { VITALS_DATA_DIR: dir, HUBSPOT_ACCESS_TOKEN: hubspot.token }, cwd: dir, file: null },
    );
    const connection = await connectPortal(config, { hubspotBasePath: hubspot.url });
    open.push(connection);
    expect(connection.source).toBe('hubspot');
    expect(connection.portal).toBe(String(SANDBOX_DEFAULTS.hubId));
    expect(connection.description).toContain(`portal ${SANDBOX_DEFAULTS.hubId}`);
  });

  it('keys the sandbox as "sandbox" when no token is set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitals-connect-'));
    const config = resolveConfig({}, { env: { VITALS_DATA_DIR: dir }, cwd: dir, file: null });
    const connection = await connectPortal(config);
    open.push(connection);
    expect(connection).toMatchObject({ source: 'sandbox', portal: 'sandbox' });
    expect(connection.description).toContain('SANDBOX');
  });
});
