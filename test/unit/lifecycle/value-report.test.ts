import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE } from '../../../src/lifecycle/lifecycle-defaults.ts';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import {
  atDayEdge,
  episodeOf,
  evaluate,
  facts,
  madeBy,
  scenarioInput,
  whyOf,
  ZONES,
  type Scenario,
} from './lifecycle-input.ts';

const id = 'monthly-value-report';
const START = '2024-06-10';

describe.each(ZONES)('the monthly value report in %s', (zone) => {
  const on = (today: string, over: Partial<Scenario> = {}) =>
    evaluate({ zone, start: START, today, ...over });

  it('is a note on the first business day: Monday the 3rd when the 1st is a Saturday', () => {
    // March 2025 begins on a Saturday.
    for (const today of ['2025-03-01', '2025-03-02']) {
      expect(episodeOf(on(today), id)).toBeNull();
      expect(whyOf(on(today), id)).toBe('the report on 2025-02 comes on 2025-03-03');
    }
    const due = on('2025-03-03');
    expect(madeBy(due, id)).toEqual([
      expect.objectContaining({
        kind: 'note',
        brief: 'value-report',
        key: `c1:${id}:2025-03-03:note`,
        episode: '2025-03-03',
        qbrDate: null,
        ownerId: 'o1',
        title: 'Value report: Acme',
      }),
    ]);
    expect(whyOf(due, id)).toBe('the value report on 2025-02, due on 2025-03-03');
  });

  it.each([
    ['2025-04-01', '2025-04-01'], // a Tuesday
    ['2025-06-02', '2025-06-02'], // the 1st is a Sunday
    ['2025-11-03', '2025-11-03'], // the 1st is a Saturday
  ])('on %s reports with episode %s', (today, episode) => {
    expect(episodeOf(on(today), id)).toBe(episode);
  });

  it('is caught up later in the month on the same episode, once', () => {
    for (const today of ['2025-03-04', '2025-03-17', '2025-03-31'])
      expect(episodeOf(on(today), id)).toBe('2025-03-03');
    expect(episodeOf(on('2025-04-01'), id)).toBe('2025-04-01');
  });

  it('is not for trials', () => {
    const trial = on('2025-03-03', { account: { segment: 'trial' } });
    expect(madeBy(trial, id)).toEqual([]);
    expect(whyOf(trial, id)).toMatch(/only for enterprise, mid_market, smb accounts/);
  });

  it('waits for a whole month as a customer: not on the month the account started', () => {
    for (const start of ['2025-02-01', '2025-02-27', '2025-03-01']) {
      const outcome = on('2025-03-03', { start });
      expect(madeBy(outcome, id)).toEqual([]);
      expect(whyOf(outcome, id)).toBe(
        `a customer since ${start}: the first report covers a whole month`,
      );
    }
    expect(episodeOf(on('2025-04-01', { start: '2025-02-27' }), id)).toBe('2025-04-01');
    expect(episodeOf(on('2025-03-03', { start: '2025-01-31' }), id)).toBe('2025-03-03');
  });

  it('can be switched off in the settings', () => {
    const off = on('2025-03-03', {
      settings: { lifecycle: { ...DEFAULT_LIFECYCLE, valueReport: false } },
    });
    expect(madeBy(off, id)).toEqual([]);
    expect(whyOf(off, id)).toMatch(/switched off/);
  });
});

describe('the value report by the portal calendar', () => {
  it('is due at 00:30 on Monday in Berlin, still Sunday in UTC and in Los Angeles', () => {
    const now = new Date('2025-03-02T23:30:00Z');
    const at = (zone: string) => {
      const input = scenarioInput({ zone, start: START, today: '2025-03-02' });
      return evaluatePlays({ ...input, now });
    };
    expect(episodeOf(at('Europe/Berlin'), id)).toBe('2025-03-03');
    expect(episodeOf(at('America/Los_Angeles'), id)).toBeNull();
  });

  // valueReportDue reads the start through onboardingDay, which answers { why } (no `start`) for
  // a start still ahead, and the report then goes out as if no start date were mapped.
  it('is not made for an account that is not a customer yet (its start date is ahead)', () => {
    const outcome = evaluate({ start: '2025-03-10', today: '2025-03-03' });
    expect(madeBy(outcome, id)).toEqual([]);
  });
});

describe('the value report and health_recommended_plays', () => {
  // A healthy account, touched two days ago, with its next QBR booked: nothing for the rep to do.
  // The value report's trigger holds every day from the first business day to the month's end,
  // so evaluatePlays lists the note Vitals writes itself as the account's recommended play for
  // most of every month (and it takes one of the five lines shown on busier accounts).
  it('is no play for the rep: a quiet account mid-month needs none', () => {
    const outcome = evaluate({
      start: START,
      today: '2025-03-20',
      lifecycle: facts({
        lastTouchAt: atDayEdge('2025-03-18', 'Europe/Berlin'),
        qbr: { next: '2025-04-22', last: '2025-01-21' },
      }),
    });
    // The note itself is proposed again (a catch-up the ledger already holds): that is fine.
    expect(episodeOf(outcome, id)).toBe('2025-03-03');
    expect(outcome.actions.find((a) => a.kind === 'property')).toMatchObject({
      value: 'No play needed right now.',
    });
  });
});
