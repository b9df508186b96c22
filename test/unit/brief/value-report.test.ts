import { describe, expect, it } from 'vitest';
import type { BriefInput } from '../../../src/brief/brief-input.ts';
import { renderMarkdown } from '../../../src/brief/render-markdown.ts';
import { valueReport } from '../../../src/brief/value-report.ts';
import { emptyInput, explain, play, point, richInput, section } from './brief-fixtures.ts';

const LA = 'America/Los_Angeles';
/** 21:00 on 30 November in Los Angeles: the 1st in UTC, still November there. */
const LATE_NOVEMBER = new Date('2026-12-01T05:00:00Z');
/** 01:00 on 1 December in Los Angeles. */
const EARLY_DECEMBER = new Date('2026-12-01T09:00:00Z');

function inLosAngeles(now: Date, overrides: Partial<BriefInput> = {}): BriefInput {
  return richInput({ now, timeZone: LA, ...overrides });
}

describe('valueReport months', () => {
  it("reports the month before the portal's current month, not UTC's", () => {
    expect(valueReport(inLosAngeles(LATE_NOVEMBER)).title).toBe(
      'Value report: Acme Corp, October 2026',
    );
    expect(valueReport(inLosAngeles(EARLY_DECEMBER)).title).toBe(
      'Value report: Acme Corp, November 2026',
    );
    const table = section(valueReport(inLosAngeles(EARLY_DECEMBER)), 'metrics') as {
      table?: { columns: string[] };
    };
    expect(table.table!.columns).toEqual(['Measure', 'October', 'November', 'Change']);
  });

  it('counts the plays made in the local month, whatever their UTC date', () => {
    const plays = [
      play({ at: '2026-11-01T06:30:00Z', title: 'October, late evening' }), // 23:30 on 31 Oct (PDT)
      play({ at: '2026-11-01T07:30:00Z', title: 'November, first hour' }), // 00:30 on 1 Nov
      play({ at: '2026-12-01T07:30:00Z', title: 'November, last hour' }), // 23:30 on 30 Nov (PST)
      play({ at: '2026-12-01T08:30:00Z', title: 'December, first hour' }), // 00:30 on 1 Dec
    ];
    const work = section(valueReport(inLosAngeles(EARLY_DECEMBER, { plays })), 'work').lines;
    expect(work).toEqual([
      '2026-11-01: November, first hour (task made in HubSpot).',
      '2026-11-30: November, last hour (task made in HubSpot).',
    ]);
  });

  it("takes each month's score as it stood at the month's local end", () => {
    const history = [
      { ...point(0, 70, 'monitor'), scoredAt: '2026-10-15T12:00:00Z' },
      { ...point(0, 55, 'monitor'), scoredAt: '2026-12-01T07:00:00Z' }, // 23:00 on 30 Nov
      { ...point(0, 40, 'at_risk'), scoredAt: '2026-12-01T08:30:00Z' }, // 00:30 on 1 Dec
    ];
    const metrics = section(valueReport(inLosAngeles(EARLY_DECEMBER, { history })), 'metrics');
    expect(metrics.lines[0]).toBe(
      'Health score 55/100 at the end of November (Monitor), down 15 from October.',
    );
  });
});

describe('valueReport on a rich account', () => {
  const report = valueReport(richInput());

  it('puts this month against the last in a small table', () => {
    const metrics = section(report, 'metrics') as ReturnType<typeof section> & {
      table: { columns: string[]; rows: string[][] };
    };
    expect(metrics.heading).toBe('November 2026 at a glance');
    expect(metrics.lines[0]).toBe(
      'Health score 64/100 at the end of November (Monitor), down 8 from October.',
    );
    expect(metrics.table.rows).toEqual([
      ['Health score', '72', '64', '−8'],
      ['Usage (out of 10)', '5.7', '4.0', '−1.7'],
      ['Engagement (out of 10)', '10.0', '10.0', '0'],
      ['Financial (out of 10)', '10.0', '10.0', '0'],
      ['Relationship (out of 10)', '8.7', '8.7', '0'],
      ['Outcomes (out of 10)', '10.0', '10.0', '0'],
      ['MRR', '$1,500', '$1,200', '−$300'],
    ]);
  });

  it('lists what was done, the results, and what comes next', () => {
    expect(section(report, 'work').lines).toEqual([
      '2026-11-15: Payment recovery emails (skipped: the billing contact opted out of email).',
      '2026-11-16: Save the account: work the save playbook (task made in HubSpot).',
    ]);
    expect(section(report, 'roi').lines).toContain('Stated goals: on track (7 of 10 points).');
    const next = section(report, 'next').lines;
    expect(next[0]).toMatch(/^Save effort open since 2026-11-16: /);
    expect(next).toContain('Renewal on 2027-02-01, in 57 days (forecast Likely).');
    expect(next).toContain('Most to gain: Depth of use from basic to advanced: +7 points.');
  });

  it("closes with one question built from the month's weakest area", () => {
    expect(section(report, 'question').lines).toEqual([
      'Usage was the lowest of the areas we track at the end of November, at 4.0/10: what stops more of your team from using it every week?',
    ]);
  });

  it('keeps to one page', () => {
    const plays = Array.from({ length: 20 }, (_, i) =>
      play({ at: `2026-11-${String(i + 5).padStart(2, '0')}T12:00:00Z` }),
    );
    const long = valueReport(richInput({ plays }));
    expect(section(long, 'work').lines).toHaveLength(7);
    expect(section(long, 'work').lines.at(-1)).toBe('… and 14 more.');
    expect(renderMarkdown(long).split('\n').length).toBeLessThan(60);
  });
});

describe('valueReport with little data', () => {
  it('says what is missing and still asks one question', () => {
    const report = valueReport(emptyInput());
    const metrics = section(report, 'metrics');
    expect(metrics).not.toHaveProperty('table');
    expect(metrics.missing).toEqual([
      'No score stored for November 2026: the report fills in once Vitals has scored the account through a month.',
      "No MRR in HubSpot: set the company's MRR property so Vitals records it each month.",
    ]);
    expect(section(report, 'work').lines).toEqual(['Vitals started no plays in November.']);
    expect(section(report, 'roi').missing).toHaveLength(3);
    expect(section(report, 'question').lines).toEqual([
      'Which results matter most to you this quarter, so that we can track them with you?',
    ]);
  });

  it("asks about today's weakest area when the month has no score", () => {
    const report = valueReport(emptyInput({ current: explain({ checkin_attendance: 'never' }) }));
    expect(section(report, 'question').lines).toEqual([
      'Engagement is the lowest of the areas we track, at 7.0/10: how would you like us to stay in touch, and how often?',
    ]);
  });

  it('shows no change where only this month has a score', () => {
    const history = [{ ...point(0, 80, 'healthy'), scoredAt: '2026-11-20T12:00:00Z' }];
    const metrics = section(valueReport(emptyInput({ history })), 'metrics') as ReturnType<
      typeof section
    > & { table: { rows: string[][] } };
    expect(metrics.lines[0]).toBe(
      'Health score 80/100 at the end of November (Healthy); no score for October to compare with.',
    );
    expect(metrics.table.rows[0]).toEqual(['Health score', '—', '80', '—']);
  });
});
