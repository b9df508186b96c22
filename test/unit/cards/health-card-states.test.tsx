import {
  ErrorState,
  List,
  LoadingSpinner,
  ProgressBar,
  StatisticsItem,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aCard, WRITTEN_PROPERTIES } from './card-fixtures.ts';
import { deferred, type FakeAnswer, mockService } from './mock-service.ts';
import { renderTab, textOf } from './render-card.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the health tab while it loads', () => {
  it("shows the record's health properties at once and asks the service for the company", async () => {
    const answer = deferred<FakeAnswer>();
    const calls = mockService(() => answer.promise);
    const card = renderTab(WRITTEN_PROPERTIES);

    expect(card.find(LoadingSpinner).props.label).toBe('Loading the details…');
    expect(card.find(StatisticsItem).props.number).toBe(62);
    expect(card.findByTestId(Tag, 'tier-tag').text).toBe('At risk');
    const text = textOf(card);
    expect(text).toContain('What costs points: Champion: left (−15)');
    expect(text).toContain('Find a new champion');
    expect(text).toContain('Score last changed Feb 15, 2026');
    await vi.waitFor(() =>
      expect(calls).toEqual([{ method: 'GET', path: '/api/cards/companies/42', body: undefined }]),
    );
  });

  it('shows only a spinner when no run has written the properties', () => {
    mockService(() => deferred<FakeAnswer>().promise);
    const card = renderTab();
    expect(card.find(LoadingSpinner).props.label).toBe('Loading the health score…');
    expect(card.maybeFindByTestId(Tag, 'tier-tag')).toBeNull();
  });

  it("replaces them with the service's details when they arrive", async () => {
    const answer = deferred<FakeAnswer>();
    mockService(() => answer.promise);
    const card = renderTab(WRITTEN_PROPERTIES);
    answer.resolve({ status: 200, body: aCard() });
    await card.waitFor(() => expect(card.find(ProgressBar)).toBeDefined());
    expect(card.maybeFind(LoadingSpinner)).toBeNull();
    expect(textOf(card)).toContain('Scored Feb 15, 2026');
  });
});

describe('the health tab when the service cannot answer', () => {
  it.each<[string, FakeAnswer]>([
    ['the fetch fails', 'unreachable'],
    ['it answers 500', { status: 500, body: { status: 'error', message: 'boom' } }],
    ['it answers 503 without a body', { status: 503 }],
    ['its answer breaks the contract', { status: 200, body: { score: 'high' } }],
  ])(
    "shows the record's values and says the details are unavailable when %s",
    async (_, answer) => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      mockService(() => answer);
      const card = renderTab(WRITTEN_PROPERTIES);
      await card.waitFor(() => expect(card.findByTestId(Text, 'unavailable')).toBeDefined());
      expect(textOf(card)).toContain('More details are unavailable right now.');
      expect(card.find(StatisticsItem).props.number).toBe(62);
      expect(textOf(card)).toContain('Find a new champion');
    },
  );

  it('says so plainly when it has no property values either', async () => {
    mockService(() => 'unreachable');
    const card = renderTab();
    await card.waitFor(() => expect(card.findByTestId(ErrorState, 'unavailable')).toBeDefined());
    expect(textOf(card)).toContain("Vitals can't be reached right now.");
  });
});

describe('the health tab without permission', () => {
  it.each([401, 403])('says the user has no access when the service answers %i', async (status) => {
    mockService(() => ({ status, body: { status: 'error', message: 'Bad signature' } }));
    const card = renderTab(WRITTEN_PROPERTIES);
    await card.waitFor(() => expect(card.findByTestId(ErrorState, 'no-permission')).toBeDefined());
    expect(card.find(ErrorState).props.title).toBe('No access to health details');
    expect(textOf(card)).toContain("You don't have permission");
  });
});

describe('the health tab for a company with no data', () => {
  it('says the score is unknown, not zero, and what data would let Vitals score it', async () => {
    mockService(() => ({
      status: 200,
      body: aCard({
        state: 'no-data',
        score: null,
        tier: { key: 'unknown', label: 'No data', color: 'gray' },
        change7d: null,
        coverage: 0,
        missing: ['Logins', 'Emails', 'Meetings'],
        plays: [],
      }),
    }));
    const card = renderTab();
    await card.waitFor(() => expect(textOf(card)).toContain('unknown (not zero)'));
    expect(card.find(StatisticsItem).props.number).toBe('Unknown');
    expect(card.findByTestId(Tag, 'tier-tag').props.variant).toBe('default');
    expect(
      card
        .findByTestId(List, 'no-data-missing')
        .findAll(Text)
        .map((t) => t.text),
    ).toEqual(['Logins', 'Emails', 'Meetings']);
  });
});
