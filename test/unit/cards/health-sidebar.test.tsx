import {
  ErrorState,
  Flex,
  LoadingButton,
  LoadingSpinner,
  StatisticsItem,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aCard, aPlay, COMPANY_ID, WRITTEN_PROPERTIES } from './card-fixtures.ts';
import { deferred, type FakeAnswer, mockService } from './mock-service.ts';
import { renderSidebar, textIn, textOf } from './render-card.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the sidebar card', () => {
  it('shows the score, tier and first play from the properties at once, from the same request', async () => {
    const calls = mockService(() => deferred<FakeAnswer>().promise);
    const card = renderSidebar(WRITTEN_PROPERTIES);
    expect(card.find(StatisticsItem).props.number).toBe(62);
    expect(card.findByTestId(Tag, 'tier-tag').text).toBe('At risk');
    expect(textIn(card.findByTestId(Flex, 'next-play'))).toBe('Next play Find a new champion');
    expect(textOf(card)).not.toContain('Book a business review');
    expect(card.find(LoadingSpinner)).toBeDefined();
    await vi.waitFor(() =>
      expect(calls.map((call) => call.path)).toEqual(['/api/cards/companies/42']),
    );
  });

  it('shows the score, tier and the first play not dismissed, with its due date', async () => {
    mockService(() => ({
      status: 200,
      body: aCard({
        tier: { key: 'healthy', label: 'Healthy', color: 'green' },
        score: 81,
        plays: [
          aPlay({
            id: 'nps',
            title: 'Ask for a review',
            status: 'dismissed',
            detail: 'No',
          }),
          aPlay({ id: 'renewal', title: 'Prepare the renewal', dueAt: '2026-05-01T12:00:00Z' }),
        ],
      }),
    }));
    const card = renderSidebar();
    await card.waitFor(() => expect(card.find(StatisticsItem).props.number).toBe(81));
    expect(card.findByTestId(Tag, 'tier-tag').props.variant).toBe('success');
    expect(textIn(card.findByTestId(Flex, 'next-play'))).toBe(
      'Next play Prepare the renewal Due May 1, 2026',
    );
    expect(card.maybeFind(LoadingButton)).toBeNull();
  });

  it('says when no play is needed', async () => {
    mockService(() => ({ status: 200, body: aCard({ plays: [] }) }));
    const card = renderSidebar();
    await card.waitFor(() => expect(textOf(card)).toContain('No play needed right now.'));
  });

  it('offers "Score now" for a company no run has scored', async () => {
    const calls = mockService((call) =>
      call.method === 'GET'
        ? {
            status: 404,
            body: { status: 'not-scored', companyId: COMPANY_ID, message: 'Not yet.' },
          }
        : { status: 200, body: aCard() },
    );
    const card = renderSidebar();
    await card.waitFor(() => expect(card.findByTestId(Text, 'not-scored')));
    card.findByTestId(LoadingButton, 'score-now').trigger('onClick');
    await card.waitFor(() => expect(card.findByTestId(Flex, 'next-play')));
    expect(calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/cards/companies/42/rescore' });
  });

  it("keeps the record's values when the service cannot be reached", async () => {
    mockService(() => 'unreachable');
    const card = renderSidebar(WRITTEN_PROPERTIES);
    await card.waitFor(() => expect(card.findByTestId(Text, 'unavailable')));
    expect(card.find(StatisticsItem).props.number).toBe(62);
  });

  it('says the user has no access on 403', async () => {
    mockService(() => ({ status: 403 }));
    const card = renderSidebar();
    await card.waitFor(() => expect(card.findByTestId(ErrorState, 'no-permission')));
  });

  it('says the score is unknown, not zero, for a company with no data', async () => {
    mockService(() => ({
      status: 200,
      body: aCard({ state: 'no-data', score: null, missing: ['Logins'], plays: [] }),
    }));
    const card = renderSidebar();
    await card.waitFor(() => expect(card.findByTestId(Flex, 'no-data')));
    expect(card.find(StatisticsItem).props.number).toBe('Unknown');
    expect(textOf(card)).toContain('unknown (not zero)');
  });
});
