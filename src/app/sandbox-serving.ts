import { randomBytes } from 'node:crypto';
import type { Config } from '../config/config.ts';
import { Secret } from '../config/secret.ts';
import type { SandboxWebhookOptions } from '../sandbox/webhook-settings.ts';
import { webhookSubscriptions } from './webhook-subscriptions.ts';

/**
 * `vitals start` on the sandbox serves the card API and the webhook intake even with nothing
 * configured, so a newcomer's `vitals sandbox change` moves a score within seconds: a secret of
 * its own for this process (the sandbox signs with it) and the local address as the public one.
 * Null when the port is 0 (picked at listen time, so nothing could be told where to deliver).
 */
export function sandboxServing(
  config: Config,
): { config: Config; webhooks: SandboxWebhookOptions } | null {
  if (config.hubspot.mode !== 'sandbox' || config.server.port === 0) return null;
  const { port } = config.server;
  const clientSecret = config.hubspot.clientSecret ?? new Secret(randomBytes(24).toString('hex'));
  const publicUrl = config.server.publicUrl ?? `http://localhost:${port}`;
  const path = '/webhooks/hubspot';
  return {
    config: {
      ...config,
      hubspot: { ...config.hubspot, clientSecret },
      server: { ...config.server, publicUrl },
    },
    webhooks: {
      targetUrl: `${publicUrl}${path}`,
      deliverTo: `http://127.0.0.1:${port}${path}`,
      clientSecret: clientSecret.reveal(),
      subscriptions: webhookSubscriptions(config),
    },
  };
}
