import { describe, expect, it } from 'vitest';
import { openTestStore } from './open-test-store.ts';
import { scored, scoreRecord } from './score-record.ts';

const WEEK = 7 * 86_400_000;
const UNTIL = '2025-06-30T12:00:00.000Z';
/** The end of the week k weeks before UNTIL's, moved by `ms`. */
const weekEnd = (k: number, ms = 0) => new Date(Date.parse(UNTIL) - k * WEEK + ms).toISOString();

describe('weekly scores', () => {
  it('gives the score at each week end from the first reading on, read far back in the history', async () => {
    const { store } = await openTestStore();
    // A year of weekly readings (one without a score), and one lone reading.
    await store.appendScores([
      ...Array.from({ length: 52 }, (_, k) => scored('7', weekEnd(51 - k), k === 50 ? null : k)),
      scored('8', '2025-01-01T00:00:00.000Z', 90),
    ]);
    const weekly = await store.weeklyScores('sandbox', 4, UNTIL);
    expect(weekly.get('7')).toEqual([
      { at: weekEnd(3), score: 48 },
      { at: weekEnd(2), score: 49 },
      { at: weekEnd(1), score: null },
      { at: weekEnd(0), score: 51 },
    ]);
    expect(weekly.get('8')).toEqual([{ at: weekEnd(3), score: 90 }]);
    const year = await store.weeklyScores('sandbox', 30, UNTIL);
    expect(year.get('7')?.[0]).toEqual({ at: weekEnd(29), score: 22 });
    expect(year.get('7')).toHaveLength(30);
  });

  it('counts a reading at a week end in that week, and one a millisecond later in the next', async () => {
    const { store } = await openTestStore();
    await store.appendScores([
      scored('1', weekEnd(2), 40),
      scored('1', weekEnd(1, 1), 50),
      scored('2', weekEnd(2, 1), 60),
    ]);
    const weekly = await store.weeklyScores('sandbox', 3, UNTIL);
    expect(weekly.get('1')).toEqual([
      { at: weekEnd(2), score: 40 },
      { at: weekEnd(0), score: 50 },
    ]);
    expect(weekly.get('2')).toEqual([{ at: weekEnd(1), score: 60 }]);
  });

  it("leaves out only a week equal to the week before, judged by each week's last reading", async () => {
    const { store } = await openTestStore();
    await store.appendScores([
      scored('1', weekEnd(4), 50),
      // Moved and back within one week: that week still ends on 50.
      scored('1', weekEnd(3, -2 * 86_400_000), 70),
      scored('1', weekEnd(3, -3_600_000), 50),
      scored('1', weekEnd(2), 60),
      // Back to an earlier score: a change from the week before, so it shows.
      scored('1', weekEnd(1), 50),
      scored('1', weekEnd(0), null),
      scored('2', weekEnd(4), null),
      scored('2', weekEnd(2), null),
    ]);
    const weekly = await store.weeklyScores('sandbox', 5, UNTIL);
    expect(weekly.get('1')).toEqual([
      { at: weekEnd(4), score: 50 },
      { at: weekEnd(2), score: 60 },
      { at: weekEnd(1), score: 50 },
      { at: weekEnd(0), score: null },
    ]);
    expect(weekly.get('2')).toEqual([{ at: weekEnd(4), score: null }]);
  });

  it('takes the reading appended last of two scored at the same instant', async () => {
    const { store } = await openTestStore();
    await store.appendScores([scored('1', weekEnd(1), 10), scored('1', weekEnd(1), 11)]);
    await store.appendScores([scored('1', weekEnd(0, -1), 20)]);
    await store.appendScores([scored('1', weekEnd(0, -1), 21)]);
    expect((await store.weeklyScores('sandbox', 2, UNTIL)).get('1')).toEqual([
      { at: weekEnd(1), score: 11 },
      { at: weekEnd(0), score: 21 },
    ]);
  });

  it('gives one object to every company with the same score in the same week', async () => {
    const { store } = await openTestStore();
    await store.appendScores([
      scored('1', weekEnd(1), 70),
      scored('2', weekEnd(1, -5), 70),
      scored('3', weekEnd(1), 71),
    ]);
    const weekly = await store.weeklyScores('sandbox', 2, UNTIL);
    expect(weekly.get('1')![0]).toBe(weekly.get('2')![0]);
    expect(weekly.get('3')![0]).not.toBe(weekly.get('1')![0]);
  });

  it('knows nothing of a company before its first reading, nor of other portals', async () => {
    const { store } = await openTestStore();
    await store.appendScores([
      scored('1', weekEnd(0, 1), 70),
      scoreRecord({ portal: '42', companyId: '2', scoredAt: weekEnd(1), score: 30 }),
    ]);
    const weekly = await store.weeklyScores('sandbox', 2, UNTIL);
    expect(weekly.get('1') ?? []).toEqual([]);
    expect(weekly.has('2')).toBe(false);
    expect((await store.weeklyScores('42', 2, UNTIL)).get('2')).toEqual([
      { at: weekEnd(1), score: 30 },
    ]);
  });

  it('reads `until` as an instant, whatever offset it is written with', async () => {
    const { store } = await openTestStore();
    await store.appendScores([scored('1', weekEnd(0), 70)]);
    const weekly = await store.weeklyScores('sandbox', 1, '2025-06-30T14:00:00+02:00');
    expect(weekly.get('1')).toEqual([{ at: UNTIL, score: 70 }]);
  });

  it('is empty for a portal without history', async () => {
    const { store } = await openTestStore();
    expect((await store.weeklyScores('sandbox', 13, UNTIL)).size).toBe(0);
  });

  it('refuses a number of weeks that is not a whole number from 1, and an until that is no time', async () => {
    const { store } = await openTestStore();
    for (const weeks of [0, -1, 1.5, Number.NaN])
      await expect(store.weeklyScores('sandbox', weeks, UNTIL)).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringMatching(/weeks/) as unknown,
      });
    await expect(store.weeklyScores('sandbox', 2, 'soon')).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/until/) as unknown,
    });
  });
});
