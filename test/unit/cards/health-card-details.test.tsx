import {
  Alert,
  Button,
  LineChart,
  List,
  LoadingButton,
  ProgressBar,
  StatisticsItem,
  StatisticsTrend,
  Tag,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompanyCard } from '../../../extensions/app/cards/card-contract.ts';
import { aCard, aPlay } from './card-fixtures.ts';
import { mockService } from './mock-service.ts';
import { renderTab, textIn, textOf } from './render-card.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

async function showCard(card: CompanyCard) {
  mockService(() => ({ status: 200, body: card }));
  const renderer = renderTab();
  await renderer.waitFor(() => expect(renderer.find(StatisticsItem).props.number).toBe(card.score));
  return renderer;
}

describe('the health tab of a scored company', () => {
  it('shows the score and its tier, coloured by the tier', async () => {
    const card = await showCard(aCard());
    expect(card.find(StatisticsItem).props.label).toBe('Health score');
    expect(card.findByTestId(Tag, 'tier-tag').text).toBe('At risk');
    expect(card.findByTestId(Tag, 'tier-tag').props.variant).toBe('warning');
  });

  it.each([
    [-5, 'decrease', 'red', '5 points in 7 days'],
    [1, 'increase', 'green', '1 point in 7 days'],
  ])('shows a change of %i over 7 days as a trend', async (change, direction, color, value) => {
    const card = await showCard(aCard({ change7d: change }));
    expect(card.findByTestId(StatisticsTrend, 'score-trend').props).toMatchObject({
      direction,
      color,
      value,
    });
  });

  it.each([
    [0, 'No change in the last 7 days.'],
    [null, 'Too new for a 7-day change.'],
  ])('says so when the 7-day change is %s', async (change, says) => {
    const card = await showCard(aCard({ change7d: change }));
    expect(card.maybeFindByTestId(StatisticsTrend, 'score-trend')).toBeNull();
    expect(textOf(card)).toContain(says);
  });

  it('says what data is missing when coverage is below 80 %', async () => {
    const card = await showCard(aCard({ coverage: 70, missing: ['NPS', 'Support tickets'] }));
    const note = card.findByTestId(Alert, 'coverage-note');
    expect(note.props.title).toBe('Based on 70% of the usual data');
    expect(textOf(card)).toContain('Missing: NPS, Support tickets.');
  });

  it('leaves coverage out when it is 80 % or more', async () => {
    const card = await showCard(aCard({ coverage: 80, missing: [] }));
    expect(card.maybeFindByTestId(Alert, 'coverage-note')).toBeNull();
  });

  it('shows each dimension as a bar out of 10, and one without data as such', async () => {
    const card = await showCard(aCard());
    expect(card.findAll(ProgressBar).map((bar) => bar.props)).toEqual([
      expect.objectContaining({ title: 'Engagement', value: 8, maxValue: 10, variant: 'success' }),
      expect.objectContaining({ title: 'Relationship', value: 2.5, valueDescription: '2.5 / 10' }),
    ]);
    expect(card.findByTestId(ProgressBar, 'dimension-relationship').props.variant).toBe('danger');
    expect(card.findByTestId(Text, 'dimension-sentiment').text).toBe('Sentiment: no data');
  });

  it('lists what costs points and what would raise the score', async () => {
    const card = await showCard(aCard());
    const items = (testId: string) =>
      card
        .findByTestId(List, testId)
        .findAll(Text)
        .map((item) => textIn(item));
    expect(items('drivers')).toEqual(['Champion: left (costs 15 points)']);
    expect(items('levers')).toEqual(['Reply time: under 2 days (+6 points)']);
  });

  it('shows each play: what, why, priority and due date, and what was done about it', async () => {
    const card = await showCard(
      aCard({
        plays: [
          aPlay(),
          aPlay({
            id: 'renewal',
            title: 'Prepare the renewal',
            status: 'task-created',
            taskId: '9',
          }),
          aPlay({ id: 'onboard', title: 'Re-onboard users', status: 'enrolled', dueAt: null }),
          aPlay({ id: 'nps', status: 'dismissed', detail: 'Already talking to them' }),
        ],
      }),
    );
    const play = card.findByTestId(Tile, 'play-champion-left');
    expect(textIn(play)).toContain('Find a new champion');
    expect(textOf(card)).toContain('Your champion left the company 12 days ago.');
    expect(textOf(card)).toContain('High priority · Due Mar 4, 2026');
    expect(card.findByTestId(Tag, 'play-status-renewal').text).toBe('Task created');
    expect(card.findByTestId(Tag, 'play-status-onboard').text).toBe(
      'Contacts enrolled in a sequence',
    );
    expect(card.findByTestId(Text, 'play-status-nps').text).toBe(
      'Dismissed: Already talking to them',
    );
    expect(card.findByTestId(LoadingButton, 'create-task-champion-left').text).toBe('Create task');
    for (const done of ['renewal', 'onboard', 'nps']) {
      expect(card.maybeFindByTestId(LoadingButton, `create-task-${done}`)).toBeNull();
      expect(card.maybeFindByTestId(Button, `dismiss-${done}`)).toBeNull();
    }
  });

  it('says when no play is needed', async () => {
    const card = await showCard(aCard({ plays: [] }));
    expect(textOf(card)).toContain('No play needed right now.');
  });

  it('charts the last 90 days, leaving out days without a score', async () => {
    const card = await showCard(aCard());
    const chart = card.findByTestId(LineChart, 'history-chart');
    expect(chart.props.data).toEqual([
      { date: Date.parse('2026-02-01T00:00:00.000Z'), score: 70 },
      { date: Date.parse('2026-02-15T00:00:00.000Z'), score: 62 },
    ]);
    expect(chart.props.axes.x).toMatchObject({ field: 'date', fieldType: 'datetime' });
  });

  it('draws each model as its own line and says when the model changed', async () => {
    const card = await showCard(
      aCard({
        history: [
          { at: '2026-02-01T00:00:00.000Z', score: 70, model: 'retention-os 1+aaaaaaaa' },
          { at: '2026-02-08T00:00:00.000Z', score: 66, model: 'retention-os 1+aaaaaaaa' },
          { at: '2026-02-15T00:00:00.000Z', score: 58, model: 'retention-os 2+bbbbbbbb' },
        ],
      }),
    );
    const chart = card.findByTestId(LineChart, 'history-chart');
    expect(chart.props.axes.options).toEqual({ groupFieldByColor: 'model' });
    expect((chart.props.data as { model: string }[]).map((d) => d.model)).toEqual([
      'retention-os 1+aaaaaaaa',
      'retention-os 1+aaaaaaaa',
      'retention-os 2+bbbbbbbb',
    ]);
    expect(card.findByTestId(Text, 'history-model-change').text).toBe(
      'The scoring model changed on Feb 15, 2026 (retention-os 1+aaaaaaaa → retention-os 2+bbbbbbbb): scores before and after are not the same measure.',
    );
  });

  it('marks nothing while one model gave every score', async () => {
    const model = 'retention-os 1+aaaaaaaa';
    const card = await showCard(
      aCard({
        history: [
          { at: '2026-02-01T00:00:00.000Z', score: 70, model },
          { at: '2026-02-15T00:00:00.000Z', score: 62, model },
        ],
      }),
    );
    expect(card.findByTestId(LineChart, 'history-chart').props.axes.options).toBeUndefined();
    expect(card.maybeFindByTestId(Text, 'history-model-change')).toBeNull();
  });

  it('says there is not enough history for a chart yet', async () => {
    const card = await showCard(
      aCard({ history: [{ at: '2026-02-15T00:00:00.000Z', score: 62 }] }),
    );
    expect(card.maybeFind(LineChart)).toBeNull();
    expect(card.findByTestId(Text, 'history-empty').text).toBe(
      'Not enough history for a chart yet.',
    );
  });
});
