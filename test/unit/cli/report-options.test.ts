import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/cli/cli-error.ts';
import { parseReportOptions } from '../../../src/cli/report-options.ts';

const refused = (name: string, options: Parameters<typeof parseReportOptions>[1]) => {
  try {
    parseReportOptions(name, options);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  }
  throw new Error('accepted');
};

describe('vitals report options', () => {
  it('takes a report, a format and the filters', () => {
    expect(
      parseReportOptions('churn-risk', { format: 'csv', owner: '61234567', segment: 'smb' }),
    ).toEqual({
      name: 'churn-risk',
      format: 'csv',
      filter: { owner: '61234567', segment: 'smb' },
      period: null,
    });
    expect(parseReportOptions('portfolio', {})).toMatchObject({ format: 'table', filter: {} });
  });

  it('takes a retention period of two real dates, in order', () => {
    const options = { from: '2025-01-01', to: '2025-03-31' };
    expect(parseReportOptions('retention', options).period).toEqual(options);
  });

  it('names the value, what is allowed and the likely meaning of a wrong name or option', () => {
    expect(refused('portfolo', {})).toBe(
      'There is no report "portfolo": use one of portfolio, renewals, churn-risk, expansion, reactivation, retention. Did you mean portfolio?',
    );
    expect(refused('churn_risk', {})).toMatch(/Did you mean churn-risk\?$/);
    expect(refused('portfolio', { format: 'xml' })).toMatch(
      /^--format "xml" is not a format of vitals report: use one of table, json, csv\./,
    );
    expect(refused('portfolio', { segment: 'mid-market' })).toMatch(
      /^--segment "mid-market" is not a segment: .* Did you mean mid_market\?$/,
    );
    expect(refused('portfolio', { owner: 'jane' })).toMatch(
      /^--owner "jane" is not a HubSpot owner id/,
    );
    expect(refused('portfolio', { format: 'table', table: 'alerts' })).toMatch(/add --format csv/);
  });

  it('says how to give a period, and for which report', () => {
    expect(refused('portfolio', { from: '2025-01-01', to: '2025-03-31' })).toMatch(
      /^--from 2025-01-01: only the retention report covers a period/,
    );
    expect(refused('retention', { from: '2025-01-01' })).toMatch(/give both/);
    expect(refused('retention', { from: '2025-02-30', to: '2025-03-31' })).toBe(
      '--from "2025-02-30" is not a date: write it as YYYY-MM-DD, e.g. --from 2026-07-01.',
    );
    expect(refused('retention', { from: '2025-03-31', to: '2025-01-01' })).toMatch(/swap/);
  });
});
