import type { Client } from '@hubspot/api-client';
import { HttpFailure } from './http-failure.ts';

export interface JsonRequest {
  method: 'GET' | 'POST';
  path: string;
  qs?: Record<string, string>;
  body?: unknown;
}

/** Sends a request the api-client has no module for; resolves to the parsed JSON body. */
export type RequestJson = (request: JsonRequest) => Promise<unknown>;

type Observe = (headers: Readonly<Record<string, string>>) => void;

/**
 * `client.apiRequest` with the same failure handling the SDK modules get from middleware.
 * apiRequest reads the client's decorators from a process-wide singleton at call time, so it
 * stays free of SDK retries only while no Client in the process enables them.
 */
export function createRequestJson(client: Client, observe: Observe): RequestJson {
  return async (request) => {
    const response = await client.apiRequest(request);
    const headers = Object.fromEntries(response.headers);
    observe(headers);
    const text = await response.text();
    if (response.status < 200 || response.status >= 300) {
      throw new HttpFailure(response.status, headers, text);
    }
    return text === '' ? undefined : JSON.parse(text);
  };
}
