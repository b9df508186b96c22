import { Alert, EmptyState, LoadingButton, ProgressBar, Text } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aCard, COMPANY_ID } from './card-fixtures.ts';
import { type FakeAnswer, mockService, type ServiceCall } from './mock-service.ts';
import { renderTab, textOf } from './render-card.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

const NOT_SCORED = {
  status: 404,
  body: { status: 'not-scored', companyId: COMPANY_ID, message: 'No run has scored it yet.' },
};

/** The tab on a company no run has scored; `post` answers "Score now". */
async function neverScored(post: (call: ServiceCall) => FakeAnswer) {
  const calls = mockService((call) => (call.method === 'GET' ? NOT_SCORED : post(call)));
  const card = renderTab();
  await card.waitFor(() => expect(card.findByTestId(EmptyState, 'not-scored')));
  return { card, calls };
}

describe('a company no run has scored', () => {
  it('explains it in one sentence and offers "Score now"', async () => {
    const { card } = await neverScored(() => ({ status: 500 }));
    expect(card.find(EmptyState).props.title).toBe('Not scored yet');
    expect(textOf(card)).toContain(
      "Vitals hasn't scored this company yet. It will on its next run, or you can score it now.",
    );
    expect(card.findByTestId(LoadingButton, 'score-now').text).toBe('Score now');
  });

  it('"Score now" POSTs to the rescore path and shows the result', async () => {
    const { card, calls } = await neverScored(() => ({ status: 200, body: aCard() }));
    card.findByTestId(LoadingButton, 'score-now').trigger('onClick');
    await card.waitFor(() => expect(card.findAll(ProgressBar)).toHaveLength(2));
    expect(calls.at(-1)).toEqual({
      method: 'POST',
      path: '/api/cards/companies/42/rescore',
      body: undefined,
    });
  });

  it('says scoring is under way when the service accepts without the card yet', async () => {
    const { card, calls } = await neverScored(() => ({ status: 202 }));
    card.findByTestId(LoadingButton, 'score-now').trigger('onClick');
    await card.waitFor(() => expect(card.findByTestId(Text, 'score-pending')));
    expect(calls.map((call) => call.method)).toEqual(['GET', 'POST', 'GET']);
  });

  it.each<[string, FakeAnswer, string]>([
    ['the service is down', { status: 500 }, "Vitals can't be reached right now."],
    [
      'the service refuses',
      { status: 429, body: { status: 'error', message: 'Scoring is busy. Try again in 10 s.' } },
      'Scoring is busy. Try again in 10 s.',
    ],
  ])('shows the error when %s', async (_, reply, message) => {
    const { card } = await neverScored(() => reply);
    card.findByTestId(LoadingButton, 'score-now').trigger('onClick');
    await card.waitFor(() => expect(card.findByTestId(Alert, 'score-error')));
    expect(card.find(Alert).props.title).toBe("Couldn't score it");
    expect(textOf(card)).toContain(message);
  });
});
