import { HubSpotError } from '../hubspot/hubspot-error.ts';

// The socket error codes a gateway call reports when no answer came, in words.
const REASONS: Readonly<Record<string, string>> = {
  ENOTFOUND: 'its host name does not resolve',
  EAI_AGAIN: 'its host name does not resolve',
  ECONNREFUSED: 'the connection was refused',
  ETIMEDOUT: 'it did not answer in time',
  UND_ERR_CONNECT_TIMEOUT: 'it did not answer in time',
  UND_ERR_HEADERS_TIMEOUT: 'it did not answer in time',
  ECONNRESET: 'the connection was cut',
  UND_ERR_SOCKET: 'the connection was cut',
  EHOSTUNREACH: 'there is no route to it',
  ENETUNREACH: 'there is no route to it',
};

/** Whether a HubSpot call failed with no answer at all: DNS, a refused connection, a timeout. */
export function isUnreachable(error: unknown): error is HubSpotError {
  return error instanceof HubSpotError && error.category === 'NETWORK_ERROR';
}

/**
 * "HubSpot could not be reached at URL (CODE: in words): check the network/proxy; " + `then`.
 * HubSpotError keeps the socket's code only in its message, "… (ECONNREFUSED).", hence the match.
 */
export function unreachableMessage(
  baseUrl: string | null,
  error: HubSpotError,
  then: string,
): string {
  const code = / \(([^()]+)\)\./.exec(error.message)?.[1];
  const words = code === undefined ? undefined : REASONS[code];
  const why = words === undefined ? (code ?? 'no answer came') : `${code}: ${words}`;
  const where = baseUrl === null ? '' : ` at ${baseUrl}`;
  return `HubSpot could not be reached${where} (${why}): check the network/proxy; ${then}`;
}

/** Connecting to the portal failed before any call could change it. */
export class HubSpotUnreachableError extends Error {
  readonly baseUrl: string;
  constructor(baseUrl: string, cause: HubSpotError) {
    super(unreachableMessage(baseUrl, cause, 'nothing was changed.'), { cause });
    this.name = 'HubSpotUnreachableError';
    this.baseUrl = baseUrl;
  }
}
