import { describe, expect, it } from 'vitest';
import {
  backtestMetrics,
  CAUTION_LIMITS,
  type BacktestMetrics,
  type CautionKind,
  type MetricsOptions,
  type Observation,
} from '../../../src/backtest/backtest-metrics.ts';
import { mulberry32 } from '../../../src/backtest/bootstrap-random.ts';
import { toColumns } from '../../../src/backtest/metric-observations.ts';

const TIERS = ['healthy', 'monitor', 'at-risk', 'critical'] as const;
type Tier = (typeof TIERS)[number];
const OPTIONS: MetricsOptions = {
  tiers: TIERS,
  alarmTiers: ['at-risk', 'critical'],
  seed: 1,
  resamples: 200,
};

const metrics = (observations: Observation[], options: Partial<MetricsOptions> = {}) =>
  backtestMetrics(observations, { ...OPTIONS, ...options });

const kinds = (result: BacktestMetrics): CautionKind[] => result.cautions.map((c) => c.kind);

function monthLabel(m: number): string {
  return `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

function tierOf(score: number): Tier {
  return score >= 70 ? 'healthy' : score >= 50 ? 'monitor' : score >= 30 ? 'at-risk' : 'critical';
}

function obs(
  accountId: string,
  month: number,
  score: number | null,
  churned: boolean,
  tier: string | null = score === null ? null : tierOf(score),
): Observation {
  return { accountId, month: monthLabel(month), score, tier, churned };
}

/**
 * A seeded portfolio where lower scores churn more often (the score carries real but imperfect
 * signal) and an account's months are close to one another, as real ones are.
 */
function portfolio({
  accounts,
  months = 12,
  seed = 1,
  prefix = 'a',
}: {
  accounts: number;
  months?: number;
  seed?: number;
  prefix?: string;
}): Observation[] {
  const random = mulberry32(seed);
  const out: Observation[] = [];
  for (let a = 0; a < accounts; a++) {
    const base = Math.floor(random() * 101);
    const churnMonth = random() < 0.6 * (1 - base / 100) ** 2 ? Math.floor(random() * months) : -1;
    for (let m = 0; m < months; m++) {
      const score = Math.max(0, Math.min(100, base + Math.round((random() - 0.5) * 10)));
      const churned = churnMonth >= m && churnMonth - m < 3;
      out.push(obs(`${prefix}${a}`, m, score, churned));
    }
  }
  return out;
}

const aucWidth = (result: BacktestMetrics) => result.auc!.high - result.auc!.low;

describe('backtestMetrics: counts and rates', () => {
  it('counts observations, accounts, months, churn events and churned accounts', () => {
    const result = metrics([
      obs('a', 3, 80, false),
      obs('a', 4, 40, true),
      obs('b', 4, null, true),
      obs('b', 5, 20, true),
      obs('c', 1, 90, false, 'unknown'),
    ]);
    expect(result.counts).toEqual({
      observations: 5,
      accounts: 3,
      months: { first: '2024-02', last: '2024-06', count: 4 },
      churnEvents: 3,
      churnedAccounts: 2,
      unscored: 1,
      untiered: 2,
    });
    expect(result.baseRate).toBeCloseTo(3 / 5);
  });

  it('gives the churn rate of each tier in tier order, and the worst tier’s lift over the base rate', () => {
    // healthy 2/10, monitor 1/5, at-risk 2/4, critical 1/1: 6 churned of 20, base rate 0.3.
    const rows: [Tier, number, number][] = [
      ['critical', 1, 1],
      ['healthy', 10, 2],
      ['at-risk', 4, 2],
      ['monitor', 5, 1],
    ];
    const observations = rows.flatMap(([tier, n, churned]) =>
      Array.from({ length: n }, (_, i) => obs(`${tier}${i}`, 0, 50, i < churned, tier)),
    );
    const result = metrics(observations);
    expect(result.tiers.map((t) => [t.tier, t.observations, t.churned, t.rate])).toEqual([
      ['healthy', 10, 2, 0.2],
      ['monitor', 5, 1, 0.2],
      ['at-risk', 4, 2, 0.5],
      ['critical', 1, 1, 1],
    ]);
    expect(result.baseRate).toBeCloseTo(0.3);
    expect(result.worstTierLift?.tier).toBe('critical');
    expect(result.worstTierLift?.lift).toBeCloseTo(1 / 0.3);
  });

  it('takes the lift of the worst tier that has observations when the worst has none', () => {
    const result = metrics([obs('a', 0, 40, true), obs('b', 0, 40, false), obs('c', 0, 90, false)]);
    expect(result.tiers.at(-1)).toMatchObject({ tier: 'critical', observations: 0, rate: null });
    expect(result.worstTierLift?.tier).toBe('at-risk');
    expect(result.worstTierLift?.lift).toBeCloseTo(0.5 / (1 / 3));
  });

  it('gives the precision and recall of the alarm tiers over the observations with a tier', () => {
    // Alarm tiers hold 5 observations, 3 followed by churn: precision 3/5. Churn followed 6
    // observations with a tier, 3 of them in an alarm tier: recall 3/6. The churned
    // observation without a tier counts in neither.
    const observations = [
      ...[true, true, false, false].map((c, i) => obs(`r${i}`, 0, 40, c)),
      obs('c0', 0, 10, true),
      ...[true, true, true, false, false, false].map((c, i) => obs(`h${i}`, 0, 80, c)),
      obs('u0', 0, null, true),
    ];
    const result = metrics(observations);
    expect(result.alarm).toMatchObject({
      tiers: ['at-risk', 'critical'],
      observations: 5,
      churned: 3,
    });
    expect(result.alarm.precision?.value).toBeCloseTo(3 / 5);
    expect(result.alarm.recall?.value).toBeCloseTo(3 / 6);
  });

  it('puts each scored observation in its score band for calibration, 100 in the top band', () => {
    const result = metrics([
      obs('a', 0, 0, true),
      obs('b', 0, 9, false),
      obs('c', 0, 10, false),
      obs('d', 0, 95, false),
      obs('e', 0, 100, true),
      obs('f', 0, null, true),
    ]);
    const band = (low: number) => result.calibration.find((b) => b.low === low);
    expect(result.calibration).toHaveLength(10);
    expect(band(0)).toEqual({ low: 0, high: 9, observations: 2, churned: 1, rate: 0.5 });
    expect(band(10)).toEqual({ low: 10, high: 19, observations: 1, churned: 0, rate: 0 });
    expect(band(50)).toEqual({ low: 50, high: 59, observations: 0, churned: 0, rate: null });
    expect(band(90)).toEqual({ low: 90, high: 100, observations: 2, churned: 1, rate: 0.5 });
  });

  it('treats a tier outside the list, such as the engine’s "unknown", as no tier', () => {
    const result = metrics([obs('a', 0, null, true, 'unknown'), obs('b', 0, 20, false)]);
    expect(result.counts.untiered).toBe(1);
    expect(result.tiers.reduce((n, t) => n + t.observations, 0)).toBe(1);
  });

  it('gives the same figures for columns as for the observation objects they hold', () => {
    const observations = portfolio({ accounts: 80, months: 7, seed: 5 });
    expect(backtestMetrics(toColumns(observations, TIERS), OPTIONS)).toEqual(metrics(observations));
  });

  it('accepts compact columns built by hand', () => {
    const result = backtestMetrics(
      {
        account: Uint32Array.from([0, 0, 1, 1]),
        month: Uint16Array.from([0, 1, 0, 1]),
        months: ['2025-02', '2025-01'],
        score: Int8Array.from([10, -1, 80, 90]),
        tier: Int8Array.from([3, -1, 0, 0]),
        churned: Uint8Array.from([1, 1, 0, 0]),
      },
      OPTIONS,
    );
    expect(result.counts).toMatchObject({
      observations: 4,
      accounts: 2,
      months: { first: '2025-01', last: '2025-02', count: 2 },
      unscored: 1,
    });
    expect(result.auc?.value).toBe(1);
  });
});

describe('backtestMetrics: the AUC (a lower score should mean more churn)', () => {
  it('is 1 when every churned observation scored below every staying one', () => {
    const result = metrics([obs('a', 0, 10, true), obs('b', 0, 20, true), obs('c', 0, 21, false)]);
    expect(result.auc?.value).toBe(1);
  });

  it('is 0 when every churned observation scored above every staying one', () => {
    const result = metrics([obs('a', 0, 90, true), obs('b', 0, 20, false), obs('c', 0, 21, false)]);
    expect(result.auc?.value).toBe(0);
  });

  it('is 0.5 when every score is the same', () => {
    const result = metrics([obs('a', 0, 50, true), obs('b', 0, 50, false), obs('c', 0, 50, false)]);
    expect(result.auc?.value).toBe(0.5);
  });

  it('counts a tie as half a pair, worked by hand', () => {
    // Churned 10, 50; staying 20, 50, 80: 10 is below all three (3), 50 ties one (0.5) and is
    // below one (1): 4.5 of 6 pairs.
    const result = metrics([
      obs('a', 0, 10, true),
      obs('b', 0, 50, true),
      obs('c', 0, 20, false),
      obs('d', 0, 50, false),
      obs('e', 0, 80, false),
    ]);
    expect(result.auc?.value).toBe(0.75);
  });

  it('leaves observations without a score out', () => {
    const result = metrics([
      obs('a', 0, 10, true),
      obs('b', 0, null, false),
      obs('c', 0, 90, false),
    ]);
    expect(result.auc?.value).toBe(1);
  });
});

describe('backtestMetrics: intervals from the account bootstrap', () => {
  const observations = portfolio({ accounts: 300, months: 8, seed: 3 });

  it('gives intervals that contain the figure', () => {
    const result = metrics(observations);
    for (const e of [result.auc, result.alarm.precision, result.alarm.recall]) {
      expect(e).not.toBeNull();
      expect(e!.low).toBeLessThanOrEqual(e!.value);
      expect(e!.high).toBeGreaterThanOrEqual(e!.value);
      expect(e!.high).toBeGreaterThan(e!.low);
    }
  });

  it('gives the same intervals for the same seed and different ones for another seed', () => {
    expect(metrics(observations, { seed: 9 })).toEqual(metrics(observations, { seed: 9 }));
    const other = metrics(observations, { seed: 10 });
    expect(other.auc?.value).toBe(metrics(observations, { seed: 9 }).auc?.value);
    expect([other.auc?.low, other.auc?.high]).not.toEqual([
      metrics(observations, { seed: 9 }).auc?.low,
      metrics(observations, { seed: 9 }).auc?.high,
    ]);
  });

  it('narrows as the number of accounts grows', () => {
    const small = metrics(portfolio({ accounts: 150, seed: 4 }));
    const large = metrics(portfolio({ accounts: 2400, seed: 4 }));
    expect(aucWidth(large)).toBeLessThan(aucWidth(small) / 2);
  });

  it('does not narrow when each account’s months are repeated, as it would for new accounts', () => {
    const base = portfolio({ accounts: 200, months: 1, seed: 6 });
    // The same 200 accounts observed 24 months each with nothing new to say: still 200 accounts.
    const repeated = base.flatMap((o) =>
      Array.from({ length: 24 }, (_, m) => ({ ...o, month: monthLabel(m) })),
    );
    // 24 × 200 different accounts: 24 times the evidence.
    const independent = Array.from({ length: 24 }, (_, k) =>
      portfolio({ accounts: 200, months: 1, seed: 100 + k, prefix: `k${k}-` }),
    ).flat();
    const baseWidth = aucWidth(metrics(base));
    expect(aucWidth(metrics(repeated))).toBeGreaterThan(baseWidth * 0.8);
    expect(aucWidth(metrics(independent))).toBeLessThan(baseWidth * 0.4);
  });

  it('marks an estimate firm only with a narrow interval and enough history and churn', () => {
    const firm = metrics(portfolio({ accounts: 1000, seed: 2 }));
    expect(firm.auc?.firm).toBe(true);
    expect(firm.auc!.high - firm.auc!.low).toBeLessThanOrEqual(CAUTION_LIMITS.intervalWidth);
    const short = metrics(portfolio({ accounts: 2000, months: 5, seed: 2 }));
    expect(short.auc!.high - short.auc!.low).toBeLessThanOrEqual(CAUTION_LIMITS.intervalWidth);
    expect(short.auc?.firm).toBe(false);
    expect(metrics(portfolio({ accounts: 40, seed: 2 })).auc?.firm).toBe(false);
  });
});

describe('backtestMetrics: cautions', () => {
  const healthy = portfolio({ accounts: 1000, seed: 2 });

  it('has none for a year of a thousand accounts with plenty of churn', () => {
    expect(metrics(healthy).cautions).toEqual([]);
  });

  it('says fewer than 6 months of history is short, and what would make it firmer', () => {
    const five = metrics(portfolio({ accounts: 1000, months: 5, seed: 2 }));
    expect(kinds(five)).toEqual(['short-history']);
    expect(five.cautions[0]?.message).toContain('Only 5 months of history');
    expect(five.cautions[0]?.message).toContain('6 months or more');
    expect(kinds(metrics(portfolio({ accounts: 1000, months: 6, seed: 2 })))).toEqual([]);
  });

  it('says fewer than 20 churn events are few', () => {
    const keepChurn = (n: number) => {
      let kept = 0;
      return healthy.map((o) => ({ ...o, churned: o.churned && kept++ < n }));
    };
    const nineteen = metrics(keepChurn(19));
    expect(kinds(nineteen)).toContain('few-churn-events');
    expect(nineteen.cautions.find((c) => c.kind === 'few-churn-events')?.message).toContain(
      'Only 19 monthly scores were followed by churn',
    );
    expect(kinds(metrics(keepChurn(20)))).not.toContain('few-churn-events');
  });

  it('names a tier with fewer than 30 observations', () => {
    const keepCritical = (n: number) => {
      let kept = 0;
      return healthy.filter((o) => o.tier !== 'critical' || kept++ < n);
    };
    const few = metrics(keepCritical(29));
    expect(few.cautions.filter((c) => c.kind === 'small-tier')).toEqual([
      expect.objectContaining({ subject: 'critical', message: expect.stringContaining('Only 29') }),
    ]);
    expect(kinds(metrics(keepCritical(30)))).not.toContain('small-tier');
  });

  it('says so when no observation fell in a tier', () => {
    const result = metrics(healthy.filter((o) => o.tier !== 'monitor'));
    expect(result.cautions.find((c) => c.subject === 'monitor')?.message).toBe(
      'No monthly score was in the monitor tier, so it has no churn rate.',
    );
  });

  it('shows a wide interval as a range and says more data would narrow it', () => {
    const small = metrics(portfolio({ accounts: 40, seed: 2 }));
    const wide = small.cautions.find((c) => c.kind === 'wide-interval' && c.subject === 'auc');
    expect(small.auc!.high - small.auc!.low).toBeGreaterThan(CAUTION_LIMITS.intervalWidth);
    expect(wide?.message).toContain(
      `somewhere between ${small.auc!.low.toFixed(2)} and ${small.auc!.high.toFixed(2)}`,
    );
    expect(wide?.message).toContain('would narrow it');
    expect(kinds(metrics(healthy))).not.toContain('wide-interval');
  });

  it('warns when a tenth or more of the months had no score', () => {
    const blank = (share: number) => {
      const count = Math.round(healthy.length * share);
      return healthy.map((o, i) => (i < count ? { ...o, score: null, tier: null } : o));
    };
    const tenth = metrics(blank(0.1));
    expect(kinds(tenth)).toEqual(['many-unscored']);
    expect(tenth.cautions[0]?.message).toMatch(/^10% of the monthly scores are missing/);
    expect(kinds(metrics(blank(0.09)))).toEqual([]);
  });

  it('says there are no alarm figures when no observation was in an alarm tier', () => {
    const result = metrics(healthy.filter((o) => o.tier === 'healthy' || o.tier === 'monitor'));
    expect(kinds(result)).toContain('no-alarms');
    expect(result.alarm.precision).toBeNull();
    expect(result.alarm.recall?.value).toBe(0);
    expect(kinds(metrics(healthy))).not.toContain('no-alarms');
  });

  it('writes plain sentences: no statistics words beyond AUC and interval', () => {
    const inputs = [
      [],
      portfolio({ accounts: 20, months: 3, seed: 8 }),
      healthy.map((o, i) => (i % 5 === 0 ? { ...o, score: null, tier: null } : o)),
    ];
    const messages = inputs.flatMap((o) => metrics(o).cautions.map((c) => c.message));
    expect(messages.length).toBeGreaterThan(3);
    for (const message of messages) {
      expect(message).not.toMatch(/confidence|bootstrap|percentile|variance|significan|sample/i);
      expect(message).toMatch(/^[A-Z0-9].*\.$/s);
    }
  });
});

describe('backtestMetrics: degenerate input', () => {
  it('reports nothing to judge, without throwing, when there are no observations', () => {
    const result = metrics([]);
    expect(result.counts).toEqual({
      observations: 0,
      accounts: 0,
      months: { first: null, last: null, count: 0 },
      churnEvents: 0,
      churnedAccounts: 0,
      unscored: 0,
      untiered: 0,
    });
    expect(result.baseRate).toBeNull();
    expect(result.auc).toBeNull();
    expect(result.alarm.precision).toBeNull();
    expect(result.alarm.recall).toBeNull();
    expect(result.worstTierLift).toBeNull();
    expect(result.tiers.every((t) => t.rate === null)).toBe(true);
    expect(result.calibration.every((b) => b.observations === 0 && b.rate === null)).toBe(true);
    expect(kinds(result)).toEqual(['no-observations']);
  });

  it('has no AUC and says why when no account churned', () => {
    const result = metrics(healthy().map((o) => ({ ...o, churned: false })));
    expect(result.auc).toBeNull();
    expect(result.alarm.recall).toBeNull();
    expect(result.alarm.precision?.value).toBe(0);
    expect(result.baseRate).toBe(0);
    expect(result.worstTierLift).toBeNull();
    expect(kinds(result)[0]).toBe('no-churn');
  });

  it('has no AUC and says why when every observation was followed by churn', () => {
    const result = metrics(healthy().map((o) => ({ ...o, churned: true })));
    expect(result.auc).toBeNull();
    expect(result.alarm.precision?.value).toBe(1);
    expect(result.worstTierLift?.lift).toBe(1);
    expect(kinds(result)[0]).toBe('all-churned');
  });

  it('has no AUC and says why when no observation has a score', () => {
    const result = metrics(healthy().map((o) => ({ ...o, score: null, tier: null })));
    expect(result.auc).toBeNull();
    expect(result.counts.unscored).toBe(result.counts.observations);
    expect(kinds(result)).toEqual(['no-scores', 'no-tiers']);
  });

  it('has no AUC and says why when the churn came only in months without a score', () => {
    const result = metrics(healthy().map((o) => (o.churned ? { ...o, score: null } : o)));
    expect(result.auc).toBeNull();
    expect(result.cautions[0]).toMatchObject({ kind: 'one-sided-scores' });
    expect(result.cautions[0]?.message).toContain('none was followed by churn');
  });

  it('copes with a single account', () => {
    const result = metrics([obs('a', 0, 30, false), obs('a', 1, 10, true)]);
    expect(result.auc?.value).toBe(1);
    // Every resample draws the one account, so there is no spread to show.
    expect([result.auc?.low, result.auc?.high]).toEqual([1, 1]);
    expect(result.auc?.firm).toBe(false);
  });

  it('stops on input that is a bug rather than data', () => {
    expect(() => metrics([obs('a', 0, 101, false)])).toThrow(RangeError);
    expect(() => metrics([obs('a', 0, 2.5, false)])).toThrow(RangeError);
    expect(() => metrics([], { alarmTiers: ['red'] })).toThrow(/Alarm tier red/);
    expect(() => metrics([], { resamples: 0 })).toThrow(RangeError);
    expect(() => metrics([], { calibrationBins: 0 })).toThrow(RangeError);
    expect(() =>
      backtestMetrics(
        {
          account: new Uint32Array(2),
          month: new Uint16Array(2),
          months: ['2025-01'],
          score: new Int8Array(1),
          tier: new Int8Array(2),
          churned: new Uint8Array(2),
        },
        OPTIONS,
      ),
    ).toThrow(/Column score has 1 entries/);
  });

  function healthy() {
    return portfolio({ accounts: 200, seed: 2 });
  }
});
