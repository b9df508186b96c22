import { describe, expect, it } from 'vitest';
import { sandboxServing } from '../../../src/app/sandbox-serving.ts';
import { resolveConfig } from '../../../src/config/resolve-config.ts';

const config = (env: Record<string, string> = {}) =>
  resolveConfig({}, { env: { VITALS_DATA_DIR: '/tmp/x', ...env }, cwd: '/tmp', file: null });

describe('vitals start on the sandbox', () => {
  it('serves with a secret of its own and the local address, and the sandbox delivers there', () => {
    const serving = sandboxServing(config())!;
    expect(serving.config.server.publicUrl).toBe('http://localhost:3000');
    const secret = serving.config.hubspot.clientSecret!.reveal();
    expect(secret).toMatch(/^[0-9a-f]{48}$/);
    expect(serving.webhooks).toMatchObject({
      targetUrl: 'http://localhost:3000/webhooks/hubspot',
      deliverTo: 'http://127.0.0.1:3000/webhooks/hubspot',
      clientSecret: secret,
    });
    // Each process its own secret: nothing guessable signs the sandbox's deliveries.
    expect(sandboxServing(config())!.config.hubspot.clientSecret!.reveal()).not.toBe(secret);
  });

  it('keeps what the admin set, and stays off for a real portal or a port picked at listen time', () => {
    const set = sandboxServing(
      config({ HUBSPOT_CLIENT_SECRET: 'theirs', VITALS_PUBLIC_URL: 'https://vitals.acme.com' }),
    )!;
    expect(set.webhooks).toMatchObject({
      targetUrl: 'https://vitals.acme.com/webhooks/hubspot',
      clientSecret: 'theirs',
    });
    expect(sandboxServing(config({ HUBSPOT_ACCESS_TOKEN: 'pat-eu1-x' }))).toBeNull();
    expect(sandboxServing(config({ PORT: '0' }))).toBeNull();
  });
});
