import { errorFromFailure } from './error-from-failure.ts';
import { HttpFailure } from './http-failure.ts';
import { HubSpotError } from './hubspot-error.ts';
import { MalformedResponseError } from './malformed-response-error.ts';

export interface ClassifyContext {
  now: number;
  timeZone: string;
  basePath: string;
  /** Removed from every message, whatever a server echoes back. */
  accessToken: string;
}

// undici's fetch rejects with TypeError "fetch failed" (cause: the socket error) when no answer
// arrives, and with "terminated" when the connection drops mid-body.
const NETWORK_MESSAGES = new Set(['fetch failed', 'terminated']);
const NETWORK_CODE = /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/;

/** Whatever a call threw, as a HubSpotError whose message names the endpoint and the fix. */
export function classifyError(endpoint: string, raw: unknown, ctx: ClassifyContext): HubSpotError {
  const error = toHubSpotError(endpoint, raw, ctx);
  error.message = redact(error.message, ctx.accessToken);
  if (error.hubspotMessage !== undefined) {
    error.hubspotMessage = redact(error.hubspotMessage, ctx.accessToken);
  }
  return error;
}

function toHubSpotError(endpoint: string, raw: unknown, ctx: ClassifyContext): HubSpotError {
  if (raw instanceof HubSpotError) return raw;
  if (raw instanceof HttpFailure) return errorFromFailure(endpoint, raw, ctx);
  const code = networkCode(raw);
  if (code !== undefined) {
    return new HubSpotError(
      `Could not reach HubSpot at ${ctx.basePath} for ${endpoint} (${code}). Check the network ` +
        'connection, and that basePath points at a running server.',
      { endpoint, status: 0, category: 'NETWORK_ERROR' },
    );
  }
  // The SDK throws plain errors when it cannot read a 2xx body (bad JSON, wrong types).
  const reason = raw instanceof Error ? `${raw.name}: ${raw.message}` : String(raw);
  return new MalformedResponseError(endpoint, [`the client could not read it (${reason})`]);
}

function networkCode(raw: unknown): string | undefined {
  if (!(raw instanceof Error)) return undefined;
  const own = (raw as { code?: unknown }).code;
  if (typeof own === 'string' && NETWORK_CODE.test(own)) return own;
  if (raw instanceof TypeError && NETWORK_MESSAGES.has(raw.message)) {
    const cause = raw.cause as { code?: unknown; message?: unknown } | undefined;
    if (typeof cause?.code === 'string') return cause.code;
    return typeof cause?.message === 'string' ? cause.message : raw.message;
  }
  return undefined;
}

function redact(text: string, token: string): string {
  return token ? text.replaceAll(token, '[redacted]') : text;
}
