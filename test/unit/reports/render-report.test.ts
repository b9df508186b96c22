import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { portfolioReport } from '../../../src/reports/portfolio-report.ts';
import { csvField } from '../../../src/reports/render-csv.ts';
import { renderReport } from '../../../src/reports/render-report.ts';
import { renewalsReport } from '../../../src/reports/renewals-report.ts';
import { retentionReport } from '../../../src/reports/retention-report.ts';
import { ACCOUNTS, CONTEXT, MRR_HISTORY } from './portfolio-fixture.ts';

const OWNERS = { o1: 'Ana Ruiz', o2: 'Ben Okafor' };
const portfolio = portfolioReport(ACCOUNTS, CONTEXT);
const ESC = '\u001b[';

/** The lines of the table under a section's title, up to the next blank line. */
function table(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(title);
  const from = lines.indexOf('', start) + 1;
  const end = lines.indexOf('', from);
  return lines.slice(from, end);
}

describe('the table for people', () => {
  const text = renderReport(portfolio, 'table', { owners: OWNERS });

  it('aligns every column under its header, numbers to the right', () => {
    const tiers = table(text, 'Portfolio on 2025-06-02');
    expect(tiers).toEqual([
      'Tier          Accounts  Share of accounts      MRR  Share of MRR',
      'Healthy              6              35.3%  $20,900         50.3%',
      'Monitor              5              29.4%   $4,200         10.1%',
      'At risk              3              17.6%   $9,250         22.3%',
      'Critical             2              11.8%   $7,000         16.8%',
      'No data              1               5.9%     $200          0.5%',
      'All accounts        17               100%  $41,550          100%',
    ]);
    const alerts = table(text, 'Alert queue: plays waiting on someone, most urgent first');
    const due = alerts[0]!.indexOf('Due');
    expect(alerts.slice(1).every((line) => /^(\d{4}-\d{2}-\d{2}|-) /.test(line.slice(due)))).toBe(
      true,
    );
    expect(alerts[1]).toMatch(
      /^c03 +Cobalt +Healthy +78 +\+12 +renewal in 5 days, unsigned .* Ben Okafor +2025-06-02 +Task in HubSpot$/,
    );
  });

  it('writes plain words: the sentences above each table, owners by name', () => {
    expect(text).toContain(
      '17 accounts paying $41,550 a month. Average score 58.5 (-1.9 this week, +1 over 13 weeks).',
    );
    expect(text).toContain('MRR unknown in HubSpot for 1 account: counted as $0.');
    expect(text).not.toMatch(/\bo[12]\b/);
    expect(text).not.toContain(ESC);
  });

  it('colours the tiers only when asked, keeping the columns aligned', () => {
    const coloured = renderReport(portfolio, 'table', { color: true });
    expect(coloured).toContain(`${ESC}1m${ESC}32mHealthy     `);
    expect(stripVTControlCharacters(coloured)).toBe(renderReport(portfolio, 'table', {}));
  });

  it('shows at most maxRows rows per table and says how many more there are', () => {
    const short = renderReport(portfolio, 'table', { maxRows: 3 });
    expect(table(short, 'Alert queue: plays waiting on someone, most urgent first').at(-1)).toBe(
      '… and 7 more (the CSV and JSON have all)',
    );
  });

  it('states the forecast rule above the forecast', () => {
    const text = renderReport(renewalsReport(ACCOUNTS, CONTEXT), 'table', {});
    expect(text).toContain('  Committed: Healthy with more than 7 days to go.');
  });
});

describe('the CSV for a spreadsheet', () => {
  it('quotes by RFC 4180: commas, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Smith, "Jr"')).toBe('"Smith, ""Jr"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it("holds the report's main table: a header row, plain numbers, CRLF line ends", () => {
    const csv = renderReport(portfolio, 'csv');
    expect(csv.split('\r\n')).toEqual([
      'Tier,Accounts,Share of accounts,MRR,Share of MRR',
      'Healthy,6,35.3,20900,50.3',
      'Monitor,5,29.4,4200,10.1',
      'At risk,3,17.6,9250,22.3',
      'Critical,2,11.8,7000,16.8',
      'No data,1,5.9,200,0.5',
      'All accounts,17,100,41550,100',
      '',
    ]);
  });

  it('gives any other table on request, every row whole', () => {
    const named = ACCOUNTS.map((a) =>
      a.companyId === 'c11' ? { ...a, name: 'Kite, "North"' } : a,
    );
    const csv = renderReport(portfolioReport(named, CONTEXT), 'csv', {
      table: 'alerts',
      owners: OWNERS,
    });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Company ID,Account,Tier,Score,Change (7 days),Trigger,Play,Priority,Owner,Due,Status',
    );
    expect(lines).toHaveLength(11);
    expect(lines[5]).toBe(
      'c11,"Kite, ""North""",At risk,40,-20,score fell 20 points in 7 days,Save the account,High,Ben Okafor,2025-06-03,Task in HubSpot',
    );
    expect(() => renderReport(portfolio, 'csv', { table: 'nope' })).toThrow(
      'The portfolio report has no table "nope": use one of tiers, trend, movers-up, movers-down, alerts.',
    );
  });

  it('writes percentages and money of the retention figures as numbers', () => {
    const q1 = retentionReport({
      accounts: ACCOUNTS,
      history: MRR_HISTORY,
      from: '2025-01-01',
      to: '2025-03-31',
    });
    const csv = renderReport(q1, 'csv');
    expect(csv).toContain('\r\nNet revenue retention (NRR),98.2,17\r\n');
    expect(csv).toContain('\r\nMRR at the start,42600,17\r\n');
  });
});

describe('the JSON for tools', () => {
  it('is the report itself, every figure with the account ids behind it', () => {
    const json = JSON.parse(renderReport(portfolio, 'json'));
    expect(json).toEqual(JSON.parse(JSON.stringify(portfolio)));
    expect(json.byTier[3]).toMatchObject({ tier: 'critical', mrr: 7000, ids: ['c14', 'c15'] });
  });
});
