import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE } from '../../../src/lifecycle/lifecycle-defaults.ts';
import {
  episodeOf,
  evaluate,
  facts,
  madeBy,
  plus,
  whyOf,
  ZONES,
  type Scenario,
} from './lifecycle-input.ts';

const QBR = '2025-06-17';
const START = '2024-01-08';

describe.each(ZONES)('QBR prep in %s', (zone) => {
  const id = 'qbr-prep';
  /** An evaluation `days` days before the booked QBR. */
  const before = (days: number, over: Partial<Scenario> = {}) =>
    evaluate({
      zone,
      start: START,
      today: plus(QBR, -days),
      lifecycle: facts({ qbr: { next: QBR, last: null } }),
      ...over,
    });

  it('fires 14 days before the QBR, with the QBR date as episode', () => {
    const early = before(15);
    expect(episodeOf(early, id)).toBeNull();
    expect(whyOf(early, id)).toMatch(
      new RegExp(`brief comes 14 days before \\(${plus(QBR, -14)}\\)`),
    );
    expect(episodeOf(before(14), id)).toBe(QBR);
    expect(whyOf(before(14), id)).toBe(`QBR on ${QBR}, in 14 days`);
  });

  it('makes the prep brief note and the prep task, each with its own key', () => {
    expect(madeBy(before(14), id)).toEqual([
      expect.objectContaining({
        kind: 'note',
        brief: 'qbr',
        key: `c1:${id}:${QBR}:note`,
        qbrDate: QBR,
        ownerId: 'o1',
        title: `QBR prep: Acme, meeting on ${QBR}`,
      }),
      expect.objectContaining({
        kind: 'task',
        track: 'lifecycle',
        key: `c1:${id}:${QBR}`,
        type: 'TODO',
        ownerId: 'o1',
      }),
    ]);
  });

  it('is caught up on any day up to the QBR itself, on the same episode', () => {
    for (const days of [13, 7, 1, 0]) expect(episodeOf(before(days), id)).toBe(QBR);
    const past = before(-1);
    expect(episodeOf(past, id)).toBeNull();
    expect(whyOf(past, id)).toBe(`the QBR on ${QBR} has passed`);
  });

  it('reads the lead time from the settings', () => {
    const settings = { lifecycle: { ...DEFAULT_LIFECYCLE, qbrLeadDays: 21 } };
    expect(episodeOf(before(21, { settings }), id)).toBe(QBR);
    expect(episodeOf(before(22, { settings }), id)).toBeNull();
  });

  it('does nothing when no QBR is booked, or when the QBR dates were not looked up', () => {
    const none = before(7, { lifecycle: facts({ qbr: { next: null, last: null } }) });
    expect(episodeOf(none, id)).toBeNull();
    expect(whyOf(none, id)).toBe('no QBR is scheduled');
    const notLooked = before(7, { lifecycle: facts() });
    expect(madeBy(notLooked, id)).toEqual([]);
    expect(whyOf(notLooked, id)).toMatch(/not looked up/);
  });
});

describe.each(ZONES)('QBR booking in %s', (zone) => {
  const id = 'qbr-book';
  const LAST_QBR = '2025-02-10';
  const on = (today: string, over: Partial<Scenario> = {}) =>
    evaluate({
      zone,
      start: START,
      today,
      lifecycle: facts({ qbr: { next: null, last: LAST_QBR } }),
      ...over,
    });

  it.each([
    ['enterprise', 91],
    ['mid_market', 182],
    ['smb', 365],
  ])('is due %s: the last QBR + the segment QBR days', (segment, days) => {
    const account = { segment };
    expect(episodeOf(on(plus(LAST_QBR, days - 1), { account }), id)).toBeNull();
    const due = on(plus(LAST_QBR, days), { account });
    expect(episodeOf(due, id)).toBe(plus(LAST_QBR, days));
    expect(whyOf(due, id)).toBe(
      `a QBR was due by ${plus(LAST_QBR, days)} and none is booked (the last was on ${LAST_QBR})`,
    );
    expect(madeBy(due, id)).toEqual([
      expect.objectContaining({ key: `c1:${id}:${plus(LAST_QBR, days)}`, type: 'EMAIL' }),
    ]);
    // Still none booked a month later: the same episode, made once.
    expect(episodeOf(on(plus(LAST_QBR, days + 30), { account }), id)).toBe(plus(LAST_QBR, days));
  });

  it('is due 104 days after the start when no QBR was ever held', () => {
    const start = '2025-01-06';
    const none = facts({ qbr: { next: null, last: null } });
    expect(episodeOf(on(plus(start, 103), { start, lifecycle: none }), id)).toBeNull();
    const due = on(plus(start, 104), { start, lifecycle: none });
    expect(episodeOf(due, id)).toBe(plus(start, 104));
    expect(whyOf(due, id)).toMatch(/none held yet/);
  });

  it('is not due while a QBR is booked', () => {
    const booked = on(plus(LAST_QBR, 120), {
      lifecycle: facts({ qbr: { next: plus(LAST_QBR, 130), last: LAST_QBR } }),
    });
    expect(episodeOf(booked, id)).toBeNull();
    expect(whyOf(booked, id)).toBe(`the next QBR is booked for ${plus(LAST_QBR, 130)}`);
  });

  it('is not for trials, nor without a QBR or a start date to count from', () => {
    const trial = on(plus(LAST_QBR, 400), { account: { segment: 'trial' } });
    expect(madeBy(trial, id)).toEqual([]);
    expect(whyOf(trial, id)).toMatch(/only for enterprise, mid_market, smb accounts/);
    const nothing = evaluate({
      zone,
      today: '2025-06-02',
      lifecycle: facts({ qbr: { next: null, last: null } }),
    });
    expect(madeBy(nothing, id)).toEqual([]);
    expect(whyOf(nothing, id)).toBe('no QBR on record and no start date to count from');
  });

  it('does nothing when the QBR dates were not looked up', () => {
    const outcome = on(plus(LAST_QBR, 200), { lifecycle: facts() });
    expect(madeBy(outcome, id)).toEqual([]);
    expect(whyOf(outcome, id)).toMatch(/not looked up/);
  });
});
