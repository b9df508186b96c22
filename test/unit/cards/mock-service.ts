import { hubspot } from '@hubspot/ui-extensions';
import type { Renderer } from '@hubspot/ui-extensions/testing';
import { vi } from 'vitest';
import { SERVICE_URL } from '../../../extensions/app/cards/service/service-url.ts';

/** An answer of the fake service, or 'unreachable' for a fetch that throws. */
export type FakeAnswer = { status: number; body?: unknown } | 'unreachable';

export interface ServiceCall {
  method: string;
  path: string;
  body: unknown;
}

/**
 * Replaces `hubspot.fetch` (the testing renderer leaves it alone) with `answer`, and records
 * each call by method, path and body. No network.
 */
export function mockService(answer: (call: ServiceCall) => FakeAnswer | Promise<FakeAnswer>) {
  const calls: ServiceCall[] = [];
  vi.spyOn(hubspot, 'fetch').mockImplementation(async (url, options) => {
    const href = String(url);
    if (!href.startsWith(SERVICE_URL)) throw new Error(`not the service's URL: ${href}`);
    const call = {
      method: options?.method ?? 'GET',
      path: href.slice(SERVICE_URL.length),
      body: options?.body,
    };
    calls.push(call);
    const reply = await answer(call);
    if (reply === 'unreachable') throw new TypeError('fetch failed');
    const body = reply.body === undefined ? null : JSON.stringify(reply.body);
    return new Response(body, { status: reply.status });
  });
  return calls;
}

/** Makes useCrmProperties hand over these values. */
export function withProperties(
  renderer: Renderer<'crm.record.tab'> | Renderer<'crm.record.sidebar'>,
  properties: Record<string, string | null>,
) {
  renderer.mocks.useCrmProperties.willCall(() => ({
    properties,
    error: null,
    isLoading: false,
    isRefetching: false,
    refetch: async () => {},
  }));
}

/** A promise the test settles itself, to hold the card in its loading state. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}
