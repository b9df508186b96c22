import { describe, expect, it } from 'vitest';
import { openTestStore } from './open-test-store.ts';
import { scoreRecord } from './score-record.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = '2025-03-10T12:00:00.000Z';
const daysBefore = (days: number, ms = 0) =>
  new Date(Date.parse(NOW) - days * DAY + ms).toISOString();

describe('score history', () => {
  it('stores every field of a record and gives it back', async () => {
    const { store } = await openTestStore(NOW);
    const row = scoreRecord({ score: null, tier: 'unknown', coverage: 0 });
    await store.appendScores([row]);
    expect((await store.latestScores('sandbox', ['101'])).get('101')).toEqual(row);
  });

  it('finds the newest record of each company of a page, and only of that portal', async () => {
    const { store } = await openTestStore(NOW);
    await store.appendScores([
      scoreRecord({ companyId: '1', scoredAt: daysBefore(2), score: 50 }),
      scoreRecord({ companyId: '1', scoredAt: daysBefore(1), score: 55 }),
      scoreRecord({ companyId: '2', scoredAt: daysBefore(3), score: 20 }),
      scoreRecord({ companyId: '3', portal: '884422', score: 99 }),
    ]);
    const latest = await store.latestScores('sandbox', ['1', '2', '3', '404']);
    expect([...latest].map(([id, row]) => [id, row.score])).toEqual([
      ['1', 55],
      ['2', 20],
    ]);
  });

  it('breaks a tie on scoredAt in favour of the record appended last', async () => {
    const { store } = await openTestStore(NOW);
    await store.appendScores([scoreRecord({ score: 10 })]);
    await store.appendScores([scoreRecord({ score: 11 })]);
    expect((await store.latestScores('sandbox', ['101'])).get('101')?.score).toBe(11);
  });

  it('breaks a tie within one batch in favour of the row given last', async () => {
    const { store } = await openTestStore(NOW);
    const rows = Array.from({ length: 20 }, (_, i) => scoreRecord({ score: i }));
    await store.appendScores(rows);
    expect((await store.latestScores('sandbox', ['101'])).get('101')?.score).toBe(19);
    expect((await store.scoreHistory('sandbox', '101', 1)).map((row) => row.score)).toEqual(
      rows.map((row) => row.score),
    );
  });

  it('answers a page of 100 companies in one call', async () => {
    const { store } = await openTestStore(NOW);
    const ids = Array.from({ length: 100 }, (_, i) => String(1000 + i));
    const rows = ids.flatMap((companyId, i) => [
      scoreRecord({ companyId, scoredAt: daysBefore(8), score: i % 50 }),
      scoreRecord({ companyId, scoredAt: daysBefore(0), score: 50 + (i % 50) }),
    ]);
    await store.appendScores(rows);
    const latest = await store.latestScores('sandbox', ids);
    const weekAgo = await store.scoresAtOrBefore('sandbox', ids, daysBefore(7));
    expect(latest.size).toBe(100);
    expect(ids.every((id, i) => latest.get(id)?.score === 50 + (i % 50))).toBe(true);
    expect(ids.every((id, i) => weekAgo.get(id)?.score === i % 50)).toBe(true);
  });

  describe('the 7-day lookback', () => {
    it('includes a record scored exactly at now − 7 days', async () => {
      const { store } = await openTestStore(NOW);
      await store.appendScores([
        scoreRecord({ scoredAt: daysBefore(9), score: 30 }),
        scoreRecord({ scoredAt: daysBefore(7), score: 40 }),
      ]);
      const found = await store.scoresAtOrBefore('sandbox', ['101'], daysBefore(7));
      expect(found.get('101')?.score).toBe(40);
    });

    it('skips a record scored 1 ms after now − 7 days for the one before it', async () => {
      const { store } = await openTestStore(NOW);
      await store.appendScores([
        scoreRecord({ scoredAt: daysBefore(9), score: 30 }),
        scoreRecord({ scoredAt: daysBefore(7, 1), score: 40 }),
      ]);
      const found = await store.scoresAtOrBefore('sandbox', ['101'], daysBefore(7));
      expect(found.get('101')?.score).toBe(30);
    });

    it('finds nothing for a company first scored within the week', async () => {
      const { store } = await openTestStore(NOW);
      await store.appendScores([scoreRecord({ scoredAt: daysBefore(6) })]);
      expect((await store.scoresAtOrBefore('sandbox', ['101'], daysBefore(7))).size).toBe(0);
    });

    it('compares instants, not the text the caller wrote', async () => {
      const { store } = await openTestStore(NOW);
      await store.appendScores([scoreRecord({ scoredAt: '2025-03-03T13:00:00+01:00' })]);
      const found = await store.scoresAtOrBefore('sandbox', ['101'], '2025-03-03T12:00:00Z');
      expect(found.get('101')?.scoredAt).toBe('2025-03-03T12:00:00.000Z');
    });
  });

  it("returns one company's records of the last N days, oldest first", async () => {
    const { store, clock } = await openTestStore(NOW);
    await store.appendScores([
      scoreRecord({ scoredAt: daysBefore(1), score: 3 }),
      scoreRecord({ scoredAt: daysBefore(31), score: 1 }),
      scoreRecord({ scoredAt: daysBefore(30), score: 2 }),
      scoreRecord({ companyId: '999', scoredAt: daysBefore(1) }),
    ]);
    const scores = async () =>
      (await store.scoreHistory('sandbox', '101', 30)).map((row) => row.score);
    expect(await scores()).toEqual([2, 3]);
    clock.advance(1);
    expect(await scores()).toEqual([3]);
  });

  it('refuses a negative number of days', async () => {
    const { store } = await openTestStore(NOW);
    await expect(store.scoreHistory('sandbox', '101', -1)).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('appends nothing for an empty batch, and finds nothing for an empty page', async () => {
    const { store } = await openTestStore(NOW);
    await store.appendScores([]);
    expect((await store.latestScores('sandbox', [])).size).toBe(0);
    expect((await store.scoresAtOrBefore('sandbox', [], NOW)).size).toBe(0);
  });

  it('keeps every row of stores appending at once', async () => {
    const { store, open } = await openTestStore(NOW);
    const other = await open();
    const batch = (writer: string) =>
      Array.from({ length: 50 }, (_, i) =>
        scoreRecord({ companyId: String(i), scoredAt: daysBefore(0, i), topDrivers: writer }),
      );
    await Promise.all([store.appendScores(batch('a')), other.appendScores(batch('b'))]);
    const history = await store.scoreHistory('sandbox', '7', 1);
    expect(history.map((row) => row.topDrivers).sort()).toEqual(['a', 'b']);
  });

  it('rejects a score outside 0–100, and writes none of the batch', async () => {
    const { store } = await openTestStore(NOW);
    const rows = [scoreRecord(), scoreRecord({ companyId: '2', score: 150 })];
    await expect(store.appendScores(rows)).rejects.toThrow(/check constraint/i);
    expect((await store.latestScores('sandbox', ['101', '2'])).size).toBe(0);
  });

  it('rejects a scoredAt that is not a time, and writes none of the batch', async () => {
    const { store } = await openTestStore(NOW);
    const rows = [scoreRecord(), scoreRecord({ companyId: '2', scoredAt: 'yesterday' })];
    await expect(store.appendScores(rows)).rejects.toMatchObject({ code: 'invalid-input' });
    expect((await store.latestScores('sandbox', ['101', '2'])).size).toBe(0);
  });
});
