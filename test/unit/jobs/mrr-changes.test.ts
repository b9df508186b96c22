import { describe, expect, it } from 'vitest';
import { mrrChanges } from '../../../src/jobs/mrr-changes.ts';
import type { AccountFacts } from '../../../src/plays/play-types.ts';

const RUN = { portal: 'sandbox', runStartedAt: '2025-03-10T06:00:00.000Z' };
const NOW = new Date('2025-03-10T06:05:00.000Z');

const company = (id: string, mrr: number | null, churnedAt: string | null = null) => ({
  id,
  mrr,
  facts: { churnedAt } as AccountFacts,
});

describe('MRR changes a page records', () => {
  it("records every company's starting point at the run's start, whenever its page is read", () => {
    const rows = mrrChanges([company('1', 500), company('2', 0)], new Map(), {
      ...RUN,
      now: NOW,
    });
    expect(rows).toEqual([
      { portal: 'sandbox', companyId: '1', mrr: 500, at: RUN.runStartedAt },
      { portal: 'sandbox', companyId: '2', mrr: 0, at: RUN.runStartedAt },
    ]);
  });

  it('records a change only: the same MRR again adds nothing, a new one is dated now', () => {
    const last = new Map([
      ['1', { at: '2025-03-01T00:00:00.000Z', mrr: 500 }],
      ['2', { at: '2025-03-01T00:00:00.000Z', mrr: 500 }],
    ]);
    const rows = mrrChanges([company('1', 500), company('2', 650)], last, { ...RUN, now: NOW });
    expect(rows).toEqual([{ portal: 'sandbox', companyId: '2', mrr: 650, at: NOW.toISOString() }]);
  });

  it('records a churned account at 0 on its churn date, or now when that lies before its last row', () => {
    const last = new Map([
      ['1', { at: '2025-03-01T00:00:00.000Z', mrr: 500 }],
      ['2', { at: '2025-03-01T00:00:00.000Z', mrr: 500 }],
    ]);
    const rows = mrrChanges(
      [
        company('1', 500, '2025-03-05T00:00:00.000Z'),
        company('2', 500, '2025-02-01T00:00:00.000Z'),
      ],
      last,
      { ...RUN, now: NOW },
    );
    expect(rows).toEqual([
      { portal: 'sandbox', companyId: '1', mrr: 0, at: '2025-03-05T00:00:00.000Z' },
      { portal: 'sandbox', companyId: '2', mrr: 0, at: NOW.toISOString() },
    ]);
  });

  it('records nothing for an unknown MRR (unknown is not 0) nor for a churn date still ahead', () => {
    const last = new Map([['2', { at: '2025-03-01T00:00:00.000Z', mrr: 500 }]]);
    const rows = mrrChanges(
      [company('1', null), company('2', 500, '2025-04-01T00:00:00.000Z')],
      last,
      { ...RUN, now: NOW },
    );
    expect(rows).toEqual([]);
  });
});
