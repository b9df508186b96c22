import { describe, expect, it } from 'vitest';
import {
  backtestMetrics,
  type BacktestMetrics,
  type Caution,
  type Observation,
} from '../../../src/backtest/backtest-metrics.ts';
import type {
  BacktestReport,
  GreenThenChurnedAccount,
  ModelBacktest,
} from '../../../src/backtest/backtest-report.ts';
import { renderBacktestText } from '../../../src/backtest/render-backtest-text.ts';

const TIERS = ['healthy', 'monitor', 'at_risk', 'critical'];
const SCORE: Record<string, number> = { healthy: 85, monitor: 60, at_risk: 35, critical: 10 };
const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];

/** Per tier: how many account-months fell in it and how many of them churn followed. */
type TierCounts = Partial<Record<string, { observations: number; churned: number }>>;

/**
 * Observations with exactly the given counts per tier, each its own account, the months dealt
 * round the first half of 2024. A churned one scores a little lower than its tier's others.
 */
function observations(counts: TierCounts): Observation[] {
  const out: Observation[] = [];
  for (const tier of TIERS) {
    const { observations: n = 0, churned = 0 } = counts[tier] ?? {};
    for (let i = 0; i < n; i++) {
      out.push({
        accountId: `${tier}-${i}`,
        month: MONTHS[out.length % MONTHS.length]!,
        score: SCORE[tier]! - (i < churned ? 5 : 0),
        tier,
        churned: i < churned,
      });
    }
  }
  return out;
}

function metrics(counts: TierCounts): BacktestMetrics {
  return backtestMetrics(observations(counts), {
    tiers: TIERS,
    alarmTiers: ['at_risk', 'critical'],
    seed: 3,
    resamples: 50,
  });
}

function model(name: string, label: string, m: BacktestMetrics): ModelBacktest {
  return { name, version: '1', label, metrics: m, roc: [] };
}

function report(models: ModelBacktest[], overrides: Partial<BacktestReport> = {}): BacktestReport {
  return {
    portal: 'Acme',
    generatedAt: '2024-09-01T08:00:00.000Z',
    horizonDays: 90,
    from: '2024-01',
    to: '2024-06',
    outcome: 'churn',
    models,
    greenThenChurned: [],
    ...overrides,
  };
}

/** The side-by-side table: the lines from the header row to the first blank line after it. */
function tableOf(text: string): string[] {
  const lines = text.split('\n');
  const end = lines.indexOf('', 2);
  return lines.slice(2, end);
}

/** The row of the table whose label is `label`, cut into its label and its cells. */
function row(text: string, label: string): string[] {
  const line = tableOf(text).find((l) => l.startsWith(`${label}  `));
  if (line === undefined) throw new Error(`No row "${label}" in:\n${text}`);
  return line.split(/ {2,}/);
}

/** Where each run of text (words joined by single spaces) in a line ends. */
function cellEnds(line: string): number[] {
  return [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => m.index + m[0].length);
}

// A base rate of 22 / 212; the critical tier, with only 12 months, churns at 50 %.
const FEW_CRITICAL = {
  healthy: { observations: 100, churned: 2 },
  monitor: { observations: 60, churned: 6 },
  at_risk: { observations: 40, churned: 8 },
  critical: { observations: 12, churned: 6 },
};
const MANY_CRITICAL = { ...FEW_CRITICAL, critical: { observations: 30, churned: 15 } };
const NO_CRITICAL = { ...FEW_CRITICAL, critical: { observations: 0, churned: 0 } };

describe('renderBacktestText: heading', () => {
  it('says how many models, where, when, what counted as a loss and within how long', () => {
    const two = renderBacktestText(
      report([
        model('a', 'Current', metrics(FEW_CRITICAL)),
        model('b', 'Candidate', metrics(MANY_CRITICAL)),
      ]),
    );
    expect(two.split('\n')[0]).toBe(
      'Backtest of 2 models on Acme, 2024-01 to 2024-06: did the score warn of churn within 90 days?',
    );
    const one = renderBacktestText(
      report([model('a', 'Current', metrics(FEW_CRITICAL))], {
        outcome: 'churn-or-contraction',
        horizonDays: 180,
      }),
    );
    expect(one.split('\n')[0]).toBe(
      'Backtest of one model on Acme, 2024-01 to 2024-06: did the score warn of churn or a drop in MRR within 180 days?',
    );
    expect(one.endsWith('\n')).toBe(true);
  });
});

describe('renderBacktestText: the table', () => {
  const text = renderBacktestText(
    report([
      model('vitals-default', 'Current model', metrics(FEW_CRITICAL)),
      model('b', 'B', {
        ...metrics(MANY_CRITICAL),
        auc: { value: 0.66, low: 0.51, high: 0.81, firm: false },
      }),
      model('a-much-longer-name', 'A model with a rather long label', metrics(NO_CRITICAL)),
    ]),
  );

  it('heads each column with its model’s label and has a row per measure and per tier', () => {
    const [head, ...body] = tableOf(text);
    expect(head!.trim().split(/ {2,}/)).toEqual([
      'Current model',
      'B',
      'A model with a rather long label',
    ]);
    expect(body.map((l) => l.split(/ {2,}/)[0])).toEqual([
      'Account-months judged',
      'Accounts',
      'Followed by churn',
      'Usual churn rate',
      'AUC',
      'Lift of the worst tier',
      'Precision of the alarm tiers',
      'Recall of the alarm tiers',
      'Churn rate, healthy',
      'Churn rate, monitor',
      'Churn rate, at_risk',
      'Churn rate, critical',
      ...[0, 10, 20, 30, 40, 50, 60, 70, 80, 90].map(
        (low) => `Churn rate, scores ${low}–${low === 90 ? 100 : low + 9}`,
      ),
    ]);
    for (const line of body) expect(line.split(/ {2,}/)).toHaveLength(4);
  });

  it('shows churn by score band, the calibration, for each model', () => {
    const band = row(text, 'Churn rate, scores 0–9');
    expect(band).toHaveLength(4);
    for (const cell of band.slice(1)) expect(cell).toMatch(/^(—|\d+(\.\d)?% of [\d,]+)$/);
  });

  it('fills the count rows from each model’s own figures', () => {
    expect(row(text, 'Account-months judged')).toEqual([
      'Account-months judged',
      '212',
      '230',
      '200',
    ]);
    expect(row(text, 'Followed by churn')).toEqual(['Followed by churn', '22', '31', '16']);
  });

  it('right-aligns every cell of a column to the same width, header included', () => {
    const lines = tableOf(text);
    expect(lines.length).toBeGreaterThan(10);
    const ends = lines.map((l) => cellEnds(l).slice(-3));
    for (const e of ends) expect(e).toEqual(ends[0]);
    // The last column ends the line, so every line of the table is as long as the widest.
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    // Every row label starts at the left edge; the header's first cell is blank.
    for (const line of lines.slice(1)) expect(line[0]).not.toBe(' ');
    expect(lines[0]!.startsWith('  ')).toBe(true);
  });

  it('leaves at least two spaces between neighbouring columns', () => {
    for (const line of tableOf(text)) {
      const cells = line.trim().split(/ {2,}/);
      expect(cells.length).toBe(line.startsWith(' ') ? 3 : 4);
    }
  });
});

describe('renderBacktestText: figures with intervals', () => {
  const firm = model('firm', 'Firm', {
    ...metrics(MANY_CRITICAL),
    auc: { value: 0.74, low: 0.7, high: 0.78, firm: true },
  });
  const unsure = model('unsure', 'Unsure', {
    ...metrics(MANY_CRITICAL),
    auc: { value: 0.66, low: 0.51, high: 0.81, firm: false },
  });

  it('prints a firm AUC as the figure with its interval in brackets', () => {
    const text = renderBacktestText(report([firm]));
    expect(row(text, 'AUC')).toEqual(['AUC', '0.74 (0.70–0.78)']);
  });

  it('leads an uncertain AUC with its interval and gives the figure only as a best guess', () => {
    const text = renderBacktestText(report([unsure]));
    expect(row(text, 'AUC')).toEqual(['AUC', '0.51–0.81 (uncertain, best guess 0.66)']);
  });

  it('prints each model’s AUC in its own column', () => {
    const text = renderBacktestText(report([firm, unsure]));
    expect(row(text, 'AUC')).toEqual([
      'AUC',
      '0.74 (0.70–0.78)',
      '0.51–0.81 (uncertain, best guess 0.66)',
    ]);
  });

  it('prints a dash for a figure there is none of', () => {
    const none = model('none', 'None', {
      ...metrics(MANY_CRITICAL),
      auc: null,
      baseRate: null,
      worstTierLift: null,
    });
    const text = renderBacktestText(report([none]));
    expect(row(text, 'AUC')).toEqual(['AUC', '—']);
    expect(row(text, 'Usual churn rate')).toEqual(['Usual churn rate', '—']);
    expect(row(text, 'Lift of the worst tier')).toEqual(['Lift of the worst tier', '—']);
  });

  it('prints precision and recall as percentages with their intervals', () => {
    const m = {
      ...metrics(MANY_CRITICAL),
      alarm: {
        ...metrics(MANY_CRITICAL).alarm,
        precision: { value: 0.33, low: 0.3, high: 0.36, firm: true },
        recall: { value: 0.5, low: 0.2, high: 0.8, firm: false },
      },
    };
    const text = renderBacktestText(report([model('m', 'M', m)]));
    expect(row(text, 'Precision of the alarm tiers')).toEqual([
      'Precision of the alarm tiers',
      '33% (30%–36%)',
    ]);
    expect(row(text, 'Recall of the alarm tiers')).toEqual([
      'Recall of the alarm tiers',
      '20%–80% (uncertain, best guess 50%)',
    ]);
  });
});

describe('renderBacktestText: tiers with too few observations', () => {
  it('marks a small tier "too few" in its churn-rate row and in the lift row when it is the worst', () => {
    const text = renderBacktestText(report([model('m', 'M', metrics(FEW_CRITICAL))]));
    expect(row(text, 'Churn rate, critical')).toEqual([
      'Churn rate, critical',
      '50% of 12 (too few)',
    ]);
    // 50 % over a base rate of 22 / 212 ≈ 10.4 %.
    expect(row(text, 'Lift of the worst tier')).toEqual([
      'Lift of the worst tier',
      '4.8× (critical, too few)',
    ]);
    expect(row(text, 'Usual churn rate')).toEqual(['Usual churn rate', '10%']);
  });

  it('does not mark tiers with enough observations', () => {
    const text = renderBacktestText(report([model('m', 'M', metrics(MANY_CRITICAL))]));
    expect(row(text, 'Churn rate, healthy')).toEqual(['Churn rate, healthy', '2.0% of 100']);
    expect(row(text, 'Churn rate, monitor')).toEqual(['Churn rate, monitor', '10% of 60']);
    expect(row(text, 'Churn rate, at_risk')).toEqual(['Churn rate, at_risk', '20% of 40']);
    expect(row(text, 'Churn rate, critical')).toEqual(['Churn rate, critical', '50% of 30']);
    // 50 % over 31 / 230.
    expect(row(text, 'Lift of the worst tier')).toEqual([
      'Lift of the worst tier',
      '3.7× (critical)',
    ]);
    expect(text).not.toContain('too few');
  });

  it('takes the lift from the worst tier that has observations, and dashes an empty tier', () => {
    const text = renderBacktestText(report([model('m', 'M', metrics(NO_CRITICAL))]));
    expect(row(text, 'Churn rate, critical')).toEqual(['Churn rate, critical', '—']);
    // at_risk: 20 % over 16 / 200.
    expect(row(text, 'Lift of the worst tier')).toEqual([
      'Lift of the worst tier',
      '2.5× (at_risk)',
    ]);
  });

  it('marks only the model whose worst tier is small', () => {
    const text = renderBacktestText(
      report([
        model('few', 'Few', metrics(FEW_CRITICAL)),
        model('many', 'Many', metrics(MANY_CRITICAL)),
      ]),
    );
    expect(row(text, 'Churn rate, critical')).toEqual([
      'Churn rate, critical',
      '50% of 12 (too few)',
      '50% of 30',
    ]);
    expect(row(text, 'Lift of the worst tier')).toEqual([
      'Lift of the worst tier',
      '4.8× (critical, too few)',
      '3.7× (critical)',
    ]);
  });
});

describe('renderBacktestText: cautions', () => {
  const caution = (message: string): Caution => ({ kind: 'short-history', message });
  const withCautions = (name: string, label: string, messages: string[]) =>
    model(name, label, {
      ...metrics(MANY_CRITICAL),
      cautions: messages.map(caution),
    });
  const cautionLines = (text: string) => {
    const lines = text.split('\n');
    const start = lines.indexOf('Read with care:');
    if (start < 0) return [];
    const end = lines.indexOf('', start);
    return lines.slice(start + 1, end < 0 ? undefined : end);
  };

  it('prints a caution every model shares once, without naming the models', () => {
    const text = renderBacktestText(
      report([
        withCautions('a', 'Current', ['Only 6 months of history.']),
        withCautions('b', 'Candidate', ['Only 6 months of history.']),
      ]),
    );
    expect(cautionLines(text)).toEqual(['  - Only 6 months of history.']);
    expect(text.split('Only 6 months of history.')).toHaveLength(2);
  });

  it('names the models a caution applies to when not all of them share it', () => {
    const text = renderBacktestText(
      report([
        withCautions('a', 'Current', ['Shared.', 'Only current.']),
        withCautions('b', 'Candidate', ['Shared.', 'Only the candidate.']),
        withCautions('c', 'Third', ['Shared.', 'Only current.']),
      ]),
    );
    expect(cautionLines(text)).toEqual([
      '  - Shared.',
      '  - Current, Third: Only current.',
      '  - Candidate: Only the candidate.',
    ]);
  });

  it('does not name the model when there is only one', () => {
    const text = renderBacktestText(report([withCautions('a', 'Current', ['Only one.'])]));
    expect(cautionLines(text)).toEqual(['  - Only one.']);
  });

  it('has no cautions section when no model has a caution', () => {
    const text = renderBacktestText(
      report([withCautions('a', 'Current', []), withCautions('b', 'Candidate', [])]),
    );
    expect(text).not.toContain('Read with care');
  });

  it('prints the cautions backtestMetrics raises, once each, for models judged on the same data', () => {
    const same = metrics(FEW_CRITICAL);
    expect(same.cautions.length).toBeGreaterThan(0);
    const text = renderBacktestText(
      report([model('a', 'Current', same), model('b', 'Candidate', metrics(FEW_CRITICAL))]),
    );
    expect(cautionLines(text)).toEqual(same.cautions.map((c) => `  - ${c.message}`));
  });
});

describe('renderBacktestText: called healthy, then churned', () => {
  const account = (i: number): GreenThenChurnedAccount => ({
    companyId: String(1000 + i),
    name: `Company ${i}`,
    month: '2024-03',
    score: 80 + (i % 10),
    tier: 'healthy',
    drivers: [`Logins down ${i}%`, 'No champion'],
  });
  const two = [
    model('current', 'Current model', metrics(MANY_CRITICAL)),
    model('candidate', 'Candidate model', metrics(MANY_CRITICAL)),
  ];
  /** The lines under a model's heading, up to the next blank line. */
  const listed = (text: string, label: string) => {
    const lines = text.split('\n');
    const start = lines.indexOf(
      `${label}: called healthy, then churned within the horizon (latest first):`,
    );
    if (start < 0) return null;
    return lines.slice(start + 1, lines.indexOf('', start));
  };

  it('lists at most 10 accounts per model and says how many more there are', () => {
    const text = renderBacktestText(
      report(two, {
        greenThenChurned: [
          { model: 'current', accounts: Array.from({ length: 13 }, (_, i) => account(i)) },
          { model: 'candidate', accounts: Array.from({ length: 4 }, (_, i) => account(i + 50)) },
        ],
      }),
    );
    const current = listed(text, 'Current model')!;
    expect(current).toHaveLength(11);
    expect(current.slice(0, 10).every((l) => l.startsWith('  Company '))).toBe(true);
    expect(current[0]).toBe('  Company 0 (1000), 2024-03, score 80: Logins down 0% · No champion');
    expect(current[9]).toContain('Company 9 (1009)');
    expect(text).not.toContain('Company 10 ');
    expect(current[10]).toBe('  … and 3 more (--format json or html lists them).');
    const candidate = listed(text, 'Candidate model')!;
    expect(candidate).toHaveLength(4);
    expect(candidate.some((l) => l.includes('more'))).toBe(false);
  });

  it('lists exactly 10 without a line about more', () => {
    const text = renderBacktestText(
      report(two, {
        greenThenChurned: [
          { model: 'current', accounts: Array.from({ length: 10 }, (_, i) => account(i)) },
        ],
      }),
    );
    const current = listed(text, 'Current model')!;
    expect(current).toHaveLength(10);
    expect(text).not.toContain('… and');
  });

  it('says "1 more" for 11 accounts', () => {
    const text = renderBacktestText(
      report(two, {
        greenThenChurned: [
          { model: 'candidate', accounts: Array.from({ length: 11 }, (_, i) => account(i)) },
        ],
      }),
    );
    expect(listed(text, 'Candidate model')!.at(-1)).toBe(
      '  … and 1 more (--format json or html lists them).',
    );
  });

  it('leaves out a model with no such account, and names an unnamed company by its id', () => {
    const text = renderBacktestText(
      report(two, {
        greenThenChurned: [
          { model: 'current', accounts: [] },
          {
            model: 'candidate',
            accounts: [{ ...account(1), name: null, companyId: '777', score: null, drivers: [] }],
          },
        ],
      }),
    );
    expect(listed(text, 'Current model')).toBeNull();
    const candidate = listed(text, 'Candidate model')!;
    expect(candidate).toHaveLength(1);
    expect(candidate[0]).toMatch(/^ {2}company 777 \(777\), 2024-03, score —:/);
  });

  it('falls back to the model’s name when no model in the report carries it', () => {
    const text = renderBacktestText(
      report(two, { greenThenChurned: [{ model: 'retired', accounts: [account(1)] }] }),
    );
    expect(listed(text, 'retired')).toHaveLength(1);
  });
});
