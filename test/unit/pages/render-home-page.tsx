import { hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { vi } from 'vitest';
import { AppPagesRouter } from '../../../extensions/app/pages/AppPages.tsx';
import type { HomePageView } from '../../../extensions/app/pages/home-page-contract.ts';
import { SERVICE_URL } from '../../../extensions/app/pages/service/service-url.ts';
import { homePageView } from '../../../src/reports/home-page-view.ts';
import { ACCOUNTS, CONTEXT, MRR_HISTORY } from '../reports/portfolio-fixture.ts';

/** The testing renderer's portal (createRenderer('pages') gives hub id 123). */
export const PORTAL_ID = 123;

/** The 20-account book of the report tests, as a run would save it. */
export function aView(): HomePageView {
  return homePageView(ACCOUNTS, MRR_HISTORY, { ...CONTEXT, owners: { o1: 'Olivia Park' } });
}

/** An answer of the fake service, or 'unreachable' for a fetch that throws. */
export type FakeAnswer = { status: number; body?: unknown } | 'unreachable';

/** Replaces `hubspot.fetch` (the renderer leaves it alone) with `answer`; returns the paths asked. */
export function mockService(answer: () => FakeAnswer | Promise<FakeAnswer>): string[] {
  const paths: string[] = [];
  vi.spyOn(hubspot, 'fetch').mockImplementation(async (url, options) => {
    const href = String(url);
    if (!href.startsWith(SERVICE_URL)) throw new Error(`not the service's URL: ${href}`);
    paths.push(`${options?.method ?? 'GET'} ${href.slice(SERVICE_URL.length)}`);
    const reply = await answer();
    if (reply === 'unreachable') throw new TypeError('fetch failed');
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
    });
  });
  return paths;
}

/** The app's pages at `path` (the home page by default), as HubSpot would show them. */
export function renderPages(path = '/') {
  const renderer = createRenderer('pages');
  renderer.mocks.setPageLocation({ path, params: {} });
  renderer.render(<AppPagesRouter />);
  return renderer;
}

/** A promise the test settles itself, to hold the page in its loading state. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}
