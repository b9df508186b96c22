import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectPortal } from '../../../src/app/connect-portal.ts';
import { resolveConfig } from '../../../src/config/resolve-config.ts';
import { SANDBOX_DEFAULTS } from '../../../src/sandbox/sandbox-defaults.ts';
import { SANDBOX_SCOPES } from '../../../src/sandbox/sandbox-scopes.ts';
import { startSandbox, type SandboxOptions } from '../../../src/sandbox/start-sandbox.ts';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

/** A sandbox standing in for a real HubSpot portal, and a connection to it with its token. */
async function connectToRealPortal(options: Partial<SandboxOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'vitals-connect-'));
  const hubspot = await startSandbox({ dataDir: join(dir, 'portal'), companies: 1, ...options });
  open.push(hubspot);
  const config = resolveConfig(
    {},
    { env: { VITALS_DATA_DIR: dir, HUBSPOT_ACCESS_TOKEN: hubspot.token }, cwd: dir, file: null },
  );
  const connection = await connectPortal(config, { hubspotBasePath: hubspot.url });
  open.push(connection);
  return { connection, token: hubspot.token };
}

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
    expect(connection).toMatchObject({ uiDomain: 'app.hubspot.com', uiDomainFallback: null });
  });
});

describe("the portal's UI domain, where company links open", () => {
  it('is read from account-info: an EU portal opens on app-eu1.hubspot.com', async () => {
    const { connection } = await connectToRealPortal({ uiDomain: 'app-eu1.hubspot.com' });
    expect(connection).toMatchObject({
      source: 'hubspot',
      portal: String(SANDBOX_DEFAULTS.hubId),
      uiDomain: 'app-eu1.hubspot.com',
      uiDomainFallback: null,
    });
    expect(connection.description).not.toContain('Company links');
  });

  it('falls back to app.hubspot.com, and says why, when the token lacks the scope', async () => {
    const { connection, token } = await connectToRealPortal({
      scopes: SANDBOX_SCOPES.filter((scope) => scope !== 'oauth'),
    });
    // The connection itself stands: only the links depend on the domain.
    expect(connection.portal).toBe(String(SANDBOX_DEFAULTS.hubId));
    expect(connection).toMatchObject({
      uiDomain: 'app.hubspot.com',
      uiDomainFallback: 'MISSING_SCOPES, HTTP 403',
    });
    expect(connection.description).toContain(
      "Company links open app.hubspot.com: the portal's own HubSpot address could not be read (MISSING_SCOPES, HTTP 403).",
    );
    expect(connection.description).not.toContain(token);
  });

  it('falls back to app.hubspot.com when the answer names a host outside hubspot.com', async () => {
    const { connection } = await connectToRealPortal({ uiDomain: 'app.hubspot.com.evil.example' });
    expect(connection).toMatchObject({
      uiDomain: 'app.hubspot.com',
      uiDomainFallback: 'MALFORMED_RESPONSE, HTTP 200',
    });
  });
});
