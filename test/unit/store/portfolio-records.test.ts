import { describe, expect, it } from 'vitest';
import type { AccountFactsRecord, CompanyState, ReportAccount } from '../../../src/store/store.ts';
import { openTestStore } from './open-test-store.ts';
import { taskAction, trackState } from './planned-action.ts';
import { scoreRecord } from './score-record.ts';

const facts = (companyId: string, rest: Partial<AccountFactsRecord> = {}): AccountFactsRecord => ({
  portal: 'sandbox',
  companyId,
  name: `Company ${companyId}`,
  ownerId: '71000001',
  segment: 'smb',
  mrr: 500,
  renewalDate: '2025-09-30',
  churnedAt: null,
  customerSince: null,
  expansionSeen: {},
  updatedAt: '2025-03-10T12:00:00.000Z',
  ...rest,
});

const state = (companyId: string, rest: Partial<CompanyState> = {}): CompanyState => ({
  portal: 'sandbox',
  companyId,
  properties: { health_score: '70' },
  checkedAt: '2025-03-10T12:00:00.000Z',
  ...rest,
});

describe('account facts', () => {
  it('lists what the last read of each company saved, in company order, per portal', async () => {
    const { store } = await openTestStore();
    await store.putAccountFacts([
      facts('2', { expansionSeen: { team_growth: '2025-03-01T00:00:00.000Z' } }),
      facts('1', { churnedAt: '2025-02-01T00:00:00Z' }),
      { ...facts('1'), portal: '42' },
    ]);
    expect(await store.accountFacts('sandbox')).toEqual([
      facts('1', { churnedAt: '2025-02-01T00:00:00.000Z' }),
      facts('2', { expansionSeen: { team_growth: '2025-03-01T00:00:00.000Z' } }),
    ]);
    expect(await store.accountFacts('42')).toHaveLength(1);
  });

  it('keeps a later read when an earlier one is saved after it', async () => {
    const { store } = await openTestStore();
    await store.putAccountFacts([facts('1', { mrr: 900, updatedAt: '2025-03-11T00:00:00Z' })]);
    await store.putAccountFacts([facts('1', { mrr: 100, updatedAt: '2025-03-10T00:00:00Z' })]);
    expect((await store.accountFacts('sandbox'))[0]?.mrr).toBe(900);
  });

  it('keeps the later of two reads of a company given together, whichever comes first', async () => {
    const { store } = await openTestStore();
    await store.putAccountFacts([
      facts('1', { mrr: 900, updatedAt: '2025-03-11T00:00:00Z' }),
      facts('1', { mrr: 100, updatedAt: '2025-03-10T00:00:00Z' }),
      facts('2', { mrr: 100, updatedAt: '2025-03-10T00:00:00Z' }),
      facts('2', { mrr: 900, updatedAt: '2025-03-11T00:00:00Z' }),
    ]);
    expect((await store.accountFacts('sandbox')).map((f) => f.mrr)).toEqual([900, 900]);
  });

  it('refuses a batch with a time that is not one, saving none of it', async () => {
    const { store } = await openTestStore();
    // The bad row is a read its company's later one replaces: it is refused all the same.
    const rows = [
      facts('1'),
      facts('2', { churnedAt: 'last week', updatedAt: '2025-03-09T00:00:00Z' }),
      facts('2'),
    ];
    await expect(store.putAccountFacts(rows)).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'churnedAt must be an ISO-8601 time, got "last week".',
    });
    expect(await store.accountFacts('sandbox')).toEqual([]);
  });

  it('keeps the later read of each company when two processes save overlapping pages at once', async () => {
    const { store, open } = await openTestStore();
    const other = await open();
    const ids = Array.from({ length: 400 }, (_, i) => String(1000 + i));
    // Each writes the companies in the other's reverse order, and each has the later read of
    // half of them: the first of the even ones, the second of the odd ones. Rows locked in the
    // order given would deadlock.
    const page = (writer: number) => {
      const rows = ids.map((id, i) =>
        facts(id, {
          mrr: writer,
          updatedAt: i % 2 === writer ? '2025-03-11T00:00:00.000Z' : '2025-03-10T00:00:00.000Z',
        }),
      );
      return writer === 0 ? rows : rows.reverse();
    };
    for (let round = 0; round < 3; round++)
      await Promise.all([store.putAccountFacts(page(0)), other.putAccountFacts(page(1))]);
    const saved = await store.accountFacts('sandbox');
    expect(saved.map((f) => [f.companyId, f.mrr])).toEqual(ids.map((id, i) => [id, i % 2]));
  });

  it('forgets a deleted company and the companies merged into another', async () => {
    const { store } = await openTestStore();
    await store.putAccountFacts([facts('1'), facts('2'), facts('3')]);
    await store.forgetCompany('sandbox', '1', '2025-03-11T00:00:00Z');
    await store.mergeCompanies('sandbox', ['2'], '3');
    expect((await store.accountFacts('sandbox')).map((f) => f.companyId)).toEqual(['3']);
  });

  it('commits the facts and MRR changes with the page they were read on', async () => {
    const { store } = await openTestStore();
    const run = await store.startRun({
      portal: 'sandbox',
      kind: 'full',
      source: 'sandbox',
      dryRun: false,
    });
    await store.commitPage({
      runId: run.id,
      progress: { ...run.progress, pagesDone: 1 },
      scores: [],
      states: [],
      facts: [facts('1')],
      mrr: [{ portal: 'sandbox', companyId: '1', at: run.startedAt, mrr: 500 }],
    });
    expect(await store.accountFacts('sandbox')).toEqual([facts('1')]);
    expect(await store.latestMrr('sandbox', ['1', '2'])).toEqual(
      new Map([['1', { at: run.startedAt, mrr: 500 }]]),
    );
  });
});

describe('MRR history', () => {
  const change = (companyId: string, at: string, mrr: number) => ({
    portal: 'sandbox',
    companyId,
    at,
    mrr,
  });

  it('gives every row of each company, oldest first, and each newest row', async () => {
    const { store } = await openTestStore();
    await store.appendMrr([
      change('1', '2025-02-01T00:00:00Z', 600),
      change('1', '2025-01-01T00:00:00Z', 500),
      change('2', '2025-01-01T00:00:00Z', 300),
    ]);
    expect(await store.mrrHistory('sandbox')).toEqual(
      new Map([
        [
          '1',
          [
            { at: '2025-01-01T00:00:00.000Z', mrr: 500 },
            { at: '2025-02-01T00:00:00.000Z', mrr: 600 },
          ],
        ],
        ['2', [{ at: '2025-01-01T00:00:00.000Z', mrr: 300 }]],
      ]),
    );
    expect((await store.latestMrr('sandbox', ['1'])).get('1')).toEqual({
      at: '2025-02-01T00:00:00.000Z',
      mrr: 600,
    });
  });

  it('replaces a second change of a company at the same instant', async () => {
    const { store } = await openTestStore();
    await store.appendMrr([change('1', '2025-01-01T00:00:00Z', 500)]);
    await store.appendMrr([change('1', '2025-01-01T00:00:00.000Z', 0)]);
    expect((await store.mrrHistory('sandbox')).get('1')).toEqual([
      { at: '2025-01-01T00:00:00.000Z', mrr: 0 },
    ]);
  });

  it('for a period: the first row, the row in force at its start (or the last paid before a 0), and the rows within', async () => {
    const { store } = await openTestStore();
    await store.appendMrr([
      // Paid, churned before the period, came back within it.
      change('1', '2024-01-01T00:00:00Z', 400),
      change('1', '2024-06-01T00:00:00Z', 500),
      change('1', '2024-09-01T00:00:00Z', 0),
      change('1', '2025-02-01T00:00:00Z', 700),
      change('1', '2025-05-01T00:00:00Z', 900),
      // Paying throughout, changed before and within.
      change('2', '2024-01-01T00:00:00Z', 100),
      change('2', '2024-03-01T00:00:00Z', 200),
      change('2', '2024-12-01T00:00:00Z', 250),
      change('2', '2025-01-15T00:00:00Z', 300),
      // First seen after the period.
      change('3', '2025-06-01T00:00:00Z', 50),
    ]);
    const history = await store.mrrHistory('sandbox', {
      from: '2025-01-01T00:00:00Z',
      to: '2025-03-31T23:59:59.999Z',
    });
    const ats = (id: string) => history.get(id)?.map((p) => p.at.slice(0, 10));
    expect(ats('1')).toEqual(['2024-01-01', '2024-06-01', '2024-09-01', '2025-02-01']);
    expect(ats('2')).toEqual(['2024-01-01', '2024-12-01', '2025-01-15']);
    expect(ats('3')).toEqual(['2025-06-01']);
  });

  it('for any period, keeps exactly the rows that tell each company’s MRR within it', async () => {
    const { store } = await openTestStore();
    // A fixed pseudo-random book: many shapes of history against many periods.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString();
    const rows = Array.from({ length: 40 }, (_, c) =>
      Array.from({ length: Math.floor(random() * 7) }, () =>
        change(
          String(c),
          day(Math.floor(random() * 400)),
          [0, 0, 100, 250][Math.floor(random() * 4)]!,
        ),
      ),
    ).flat();
    await store.appendMrr(rows);
    const all = await store.mrrHistory('sandbox');
    for (let p = 0; p < 30; p++) {
      const start = Math.floor(random() * 420) - 10;
      const period = { from: day(start), to: day(start + Math.floor(random() * 100)) };
      const expected = new Map([...all].map(([id, points]) => [id, needed(points, period)]));
      expect(await store.mrrHistory('sandbox', period)).toEqual(expected);
    }
  });

  it('gives no newest row for companies without one', async () => {
    const { store } = await openTestStore();
    await store.appendMrr([change('1', '2025-01-01T00:00:00Z', 500)]);
    expect(await store.latestMrr('sandbox', [])).toEqual(new Map());
    expect(await store.latestMrr('sandbox', ['2'])).toEqual(new Map());
    expect(await store.latestMrr('42', ['1'])).toEqual(new Map());
  });

  it('refuses times that are not ones', async () => {
    const { store } = await openTestStore();
    await expect(
      store.appendMrr([change('1', '2025-01-01T00:00:00Z', 1), change('2', 'soon', 2)]),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'at must be an ISO-8601 time, got "soon".',
    });
    expect(await store.mrrHistory('sandbox')).toEqual(new Map());
    await expect(
      store.mrrHistory('sandbox', { from: '2025-01-01T00:00:00Z', to: 'Q1' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'to must be an ISO-8601 time, got "Q1".',
    });
  });

  it('keeps every change when two processes append overlapping changes at once', async () => {
    const { store, open } = await openTestStore();
    const other = await open();
    const ids = Array.from({ length: 400 }, (_, i) => String(i));
    // Both record the same instants of every company, each in the other's reverse order, and
    // one instant of its own: rows locked in the order given would deadlock.
    const changes = (mrr: number) =>
      ids.flatMap((id) => [
        change(id, '2025-01-01T00:00:00Z', mrr),
        change(id, `2025-02-0${mrr}T00:00:00Z`, mrr),
      ]);
    for (let round = 0; round < 3; round++)
      await Promise.all([store.appendMrr(changes(1)), other.appendMrr(changes(2).reverse())]);
    const history = await store.mrrHistory('sandbox');
    expect(history.size).toBe(ids.length);
    for (const points of history.values())
      expect(points.map((p) => p.at.slice(0, 10))).toEqual([
        '2025-01-01',
        '2025-02-01',
        '2025-02-02',
      ]);
  });
});

/**
 * The rows `mrrHistory` keeps for a period, as its contract says: the first row; the row in
 * force at `from` or, when that pays 0, the last row that paid before it; every row after that
 * up to `to`.
 */
function needed(
  points: readonly { at: string; mrr: number }[],
  { from, to }: { from: string; to: string },
) {
  const inForce = points.findLastIndex((p) => p.at <= from);
  const paid = points.findLastIndex((p, i) => i <= inForce && p.mrr !== 0);
  const start = points[inForce]?.mrr === 0 && paid >= 0 ? paid : Math.max(inForce, 0);
  return points.filter((p, i) => i === 0 || (i >= start && p.at <= to));
}

describe('weekly scores', () => {
  const WEEK = 7 * 86_400_000;
  const until = '2025-06-30T12:00:00.000Z';
  const weekEnd = (k: number) => new Date(Date.parse(until) - k * WEEK).toISOString();
  const scored = (companyId: string, at: string, score: number | null) => ({
    portal: 'sandbox',
    companyId,
    scoredAt: at,
    score,
    tier: 'monitor',
    coverage: 80,
    dimensions: {},
    model: { name: 'retention-os', version: '1' },
    topDrivers: '',
  });

  it('gives the score in force at each week end from the first reading, leaving out weeks that repeat the week before', async () => {
    const { store } = await openTestStore();
    await store.appendScores([
      scored('1', '2025-01-01T00:00:00Z', 50),
      scored('1', weekEnd(2), 60),
      scored('1', new Date(Date.parse(weekEnd(2)) + 1).toISOString(), 65),
      scored('1', weekEnd(1), null),
      scored('2', new Date(Date.parse(weekEnd(1)) - 1000).toISOString(), 80),
    ]);
    const weekly = await store.weeklyScores('sandbox', 4, until);
    expect(weekly.get('1')).toEqual([
      { at: weekEnd(3), score: 50 },
      { at: weekEnd(2), score: 60 },
      { at: weekEnd(1), score: null },
    ]);
    expect(weekly.get('2')).toEqual([{ at: weekEnd(1), score: 80 }]);
  });

  it('reads far back from the history what the packed recent scores no longer hold', async () => {
    const { store } = await openTestStore();
    // Weekly readings for a year: the packed series keeps the last 18 weeks.
    const year = Array.from({ length: 52 }, (_, k) => scored('1', weekEnd(51 - k), k));
    await store.appendScores(year);
    const weekly = await store.weeklyScores('sandbox', 40, until);
    expect(weekly.get('1')).toEqual(
      Array.from({ length: 40 }, (_, k) => ({ at: weekEnd(39 - k), score: 12 + k })),
    );
    expect((await store.weeklyScores('sandbox', 13, until)).get('1')).toHaveLength(13);
  });

  it("follows a merge: the survivor's weeks include the merged company's history", async () => {
    const { store } = await openTestStore();
    await store.appendScores([scored('1', weekEnd(3), 40), scored('2', weekEnd(1), 70)]);
    await store.mergeCompanies('sandbox', ['1'], '2');
    const weekly = await store.weeklyScores('sandbox', 4, until);
    expect(weekly.get('2')).toEqual([
      { at: weekEnd(3), score: 40 },
      { at: weekEnd(1), score: 70 },
    ]);
    expect(weekly.has('1')).toBe(false);
  });

  it('refuses a number of weeks below 1', async () => {
    const { store } = await openTestStore();
    await expect(store.weeklyScores('sandbox', 0, until)).rejects.toThrow(/weeks/);
  });
});

describe('what the reports read of each account', () => {
  const main = (score: number) => ({ score, tier: { key: 'healthy' }, plays: [] });
  const same = (account: ReportAccount) => account;

  it('joins facts, card digest and weekly scores, reading the drivers only when asked', async () => {
    const { store } = await openTestStore();
    await store.putAccountFacts([facts('1'), facts('2')]);
    await store.putCompanyStates([
      state('1', { card: { full: true }, digest: { main: main(80), drivers: ['d'] } }),
    ]);
    const read = {
      cards: true,
      drivers: false,
      weeks: 0,
      until: '2025-03-10T12:00:00Z',
      tracks: false,
    };
    const rows = await store.reportAccounts('sandbox', read, same);
    expect(rows).toEqual([
      { facts: facts('1'), card: { main: main(80), drivers: null }, weekly: [] },
      { facts: facts('2'), card: null, weekly: [] },
    ]);
    const withDrivers = await store.reportAccounts('sandbox', { ...read, drivers: true }, same);
    expect(withDrivers[0]?.card).toEqual({ main: main(80), drivers: ['d'] });
    const factsOnly = await store.reportAccounts('sandbox', { ...read, cards: false }, same);
    expect(factsOnly[0]?.card).toBeNull();
  });

  it('gives each company, in company order, its weekly scores and open tracks when asked', async () => {
    const { store } = await openTestStore();
    await store.putAccountFacts([facts('2'), facts('1'), facts('3')]);
    await store.appendScores([
      scoreRecord({ companyId: '1', scoredAt: '2025-03-01T00:00:00Z', score: 40 }),
      scoreRecord({ companyId: '3', scoredAt: '2025-03-09T00:00:00Z', score: 90 }),
    ]);
    const tracks = { save: trackState() };
    await store.putActiveRules('sandbox', [
      { companyId: '2', ruleIds: [], evaluatedAt: '2025-03-10T00:00:00Z', tracks },
      { companyId: '3', ruleIds: [], evaluatedAt: '2025-03-10T00:00:00Z', tracks },
    ]);
    // Company 2 has a card, 1 and 3 none: each is read on its own way, in order all the same.
    await store.putCompanyStates([
      state('2', { card: {}, digest: { main: { score: 1 }, drivers: null } }),
    ]);
    const read = {
      cards: true,
      drivers: false,
      weeks: 2,
      until: '2025-03-10T00:00:00.000Z',
      tracks: true,
    };
    const rows = await store.reportAccounts('sandbox', read, (a) => ({
      id: a.facts.companyId,
      card: a.card?.main ?? null,
      weekly: a.weekly,
      tracks: a.tracks,
    }));
    expect(rows).toEqual([
      {
        id: '1',
        card: null,
        weekly: [{ at: '2025-03-03T00:00:00.000Z', score: 40 }],
        tracks: undefined,
      },
      { id: '2', card: { score: 1 }, weekly: [], tracks },
      {
        id: '3',
        card: null,
        weekly: [{ at: '2025-03-10T00:00:00.000Z', score: 90 }],
        tracks,
      },
    ]);
  });

  it('reads the card itself where it was saved without a digest, and drops a digest with its card', async () => {
    const { store } = await openTestStore();
    await store.putAccountFacts([facts('1')]);
    await store.putCompanyStates([
      state('1', { card: main(70), digest: { main: main(70), drivers: [] } }),
    ]);
    // A writer of a new card that makes no digest: the old digest must not outlive its card.
    await store.putCompanyStates([state('1', { card: main(40) })]);
    const read = {
      cards: true,
      drivers: true,
      weeks: 0,
      until: '2025-03-10T12:00:00Z',
      tracks: false,
    };
    expect((await store.reportAccounts('sandbox', read, same))[0]?.card).toEqual({
      main: main(40),
      drivers: null,
    });
    // A write without a card keeps both.
    await store.putCompanyStates([
      state('1', { card: main(60), digest: { main: main(60), drivers: [] } }),
    ]);
    await store.putCompanyStates([state('1')]);
    expect((await store.reportAccounts('sandbox', read, same))[0]?.card?.main).toEqual(main(60));
  });

  it('hands a book of many companies to map one by one, in company order', async () => {
    const { store } = await openTestStore();
    // More than one fetch's worth on PostgreSQL, given in no particular order.
    const ids = Array.from({ length: 4500 }, (_, i) => String((i * 7919) % 4500).padStart(4, '0'));
    await store.putAccountFacts(ids.map((id) => facts(id)));
    await store.putAccountFacts([{ ...facts('0001'), portal: '42' }]);
    const read = {
      cards: true,
      drivers: true,
      weeks: 0,
      until: '2025-03-10T12:00:00Z',
      tracks: true,
    };
    let calls = 0;
    const rows = await store.reportAccounts('sandbox', read, (a) => {
      calls++;
      return [a.facts.companyId, a.card, a.weekly, a.tracks];
    });
    expect(calls).toBe(ids.length);
    expect(rows).toEqual([...ids].sort().map((id) => [id, null, [], undefined]));
  });

  it('refuses weeks that are not a whole number, and fails with the error map throws', async () => {
    const { store } = await openTestStore();
    await store.putAccountFacts([facts('1')]);
    const read = {
      cards: true,
      drivers: false,
      weeks: 2.5,
      until: '2025-03-10T12:00:00Z',
      tracks: true,
    };
    await expect(store.reportAccounts('sandbox', read, (a) => a)).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'weeks must be a whole number from 1, got 2.5.',
    });
    const broken = new Error('map broke');
    const throwing = () => {
      throw broken;
    };
    await expect(store.reportAccounts('sandbox', { ...read, weeks: 0 }, throwing)).rejects.toBe(
      broken,
    );
    // The store reads on after it.
    expect(await store.reportAccounts('sandbox', { ...read, weeks: 0 }, (a) => a.facts)).toEqual([
      facts('1'),
    ]);
  });
});

describe('the ledger of the whole portal', () => {
  it('groups the entries by company, each newest first', async () => {
    const { store, clock } = await openTestStore();
    const first = taskAction({ companyId: '1', ruleId: 'tier-critical', episode: '2025-03-01' });
    await store.recordIntents('sandbox', [first]);
    clock.advance(1000);
    const second = taskAction({ companyId: '1', ruleId: 'tier-at-risk', episode: '2025-03-02' });
    const other = taskAction({ companyId: '2' });
    await store.recordIntents('sandbox', [second, other]);
    const ledger = await store.ledgerByCompany('sandbox');
    expect(ledger.get('1')?.map((e) => e.key)).toEqual([second.key, first.key]);
    expect(ledger.get('2')?.map((e) => e.key)).toEqual([other.key]);
  });
});

describe('the portfolio view', () => {
  it('keeps the latest view of each portal with when it was computed', async () => {
    const { store } = await openTestStore();
    expect(await store.portfolioView('sandbox')).toBeNull();
    await store.putPortfolioView('sandbox', { tiers: [1] }, '2025-03-10T12:00:00Z');
    await store.putPortfolioView('sandbox', { tiers: [2] }, '2025-03-10T18:00:00Z');
    expect(await store.portfolioView('sandbox')).toEqual({
      view: { tiers: [2] },
      computedAt: '2025-03-10T18:00:00.000Z',
    });
    expect(await store.portfolioView('42')).toBeNull();
  });
});

describe('NPS answers', () => {
  const answer = (contactId: string, at: string, score: number, companyId = '1') => ({
    portal: 'sandbox',
    companyId,
    contactId,
    score,
    at,
  });

  it('keeps every answer once, and gives each contact’s latest by a date, per company', async () => {
    const { store } = await openTestStore();
    const run = await store.startRun({
      portal: 'sandbox',
      kind: 'full',
      source: 'sandbox',
      dryRun: false,
    });
    const page = (nps: ReturnType<typeof answer>[]) =>
      store.commitPage({ runId: run.id, progress: run.progress, scores: [], states: [], nps });
    await page([answer('7', '2025-01-10T00:00:00Z', 10), answer('8', '2025-01-05T00:00:00Z', 4)]);
    // The next run reads the same answer of 8 again, and a new one of 7.
    await page([answer('7', '2025-02-10T00:00:00Z', 2), answer('8', '2025-01-05T00:00:00Z', 4)]);
    await page([
      answer('9', '2025-02-01T00:00:00Z', 8, '2'),
      { ...answer('9', '2025-02-01T00:00:00Z', 8), portal: '42' },
    ]);

    const byContact = async (until: string) =>
      (await store.npsAnswers('sandbox', until)).sort((a, b) =>
        a.contactId.localeCompare(b.contactId),
      );
    expect(await byContact('2025-01-31T00:00:00Z')).toEqual([
      answer('7', '2025-01-10T00:00:00.000Z', 10),
      answer('8', '2025-01-05T00:00:00.000Z', 4),
    ]);
    expect(await byContact('2025-03-01T00:00:00Z')).toEqual([
      answer('7', '2025-02-10T00:00:00.000Z', 2),
      answer('8', '2025-01-05T00:00:00.000Z', 4),
      answer('9', '2025-02-01T00:00:00.000Z', 8, '2'),
    ]);
    expect(await store.npsAnswers('sandbox', '2025-01-01T00:00:00Z')).toEqual([]);
  });

  it('moves a merged company’s answers to the survivor, and forgets a deleted contact’s', async () => {
    const { store } = await openTestStore();
    const run = await store.startRun({
      portal: 'sandbox',
      kind: 'full',
      source: 'sandbox',
      dryRun: false,
    });
    await store.commitPage({
      runId: run.id,
      progress: run.progress,
      scores: [],
      states: [],
      nps: [
        answer('7', '2025-01-10T00:00:00Z', 10, '1'),
        answer('7', '2025-01-10T00:00:00Z', 10, '2'),
        answer('8', '2025-01-05T00:00:00Z', 4, '1'),
      ],
    });
    await store.mergeCompanies('sandbox', ['1'], '2');
    const until = '2025-12-31T00:00:00Z';
    expect(
      (await store.npsAnswers('sandbox', until)).map((a) => [a.contactId, a.companyId]).sort(),
    ).toEqual([
      ['7', '2'],
      ['8', '2'],
    ]);
    await store.forgetContact('sandbox', '8');
    expect((await store.npsAnswers('sandbox', until)).map((a) => a.contactId)).toEqual(['7']);
  });
});
