import { describe, expect, it } from 'vitest';
import { AccountsFileError, parseAccounts } from '../../../src/scoring/parse-accounts.ts';
import { preset } from '../../support/models.ts';

const model = preset('retention-os');

describe('parseAccounts', () => {
  it('keeps the valid accounts and names the account, field, value and what is allowed for each bad one', () => {
    const { accounts, errors } = parseAccounts(
      {
        accounts: [
          { id: 'ok-1', signals: { usage_depth: 'basic' } },
          {
            id: 'bad-1',
            segment: 'startup',
            signals: {
              login_freq: 80,
              usage_depth: 'expert',
              reply_time_days: -2,
              stakeholder_count: 2.5,
            },
            modifiers: { nps_last: 11 },
          },
          { id: 42, name: 'Numeric id', signals: { core_features_adopted: 4 } },
        ],
      },
      model,
    );
    expect(accounts.map((a) => a.id)).toEqual(['ok-1', '42']);
    expect(errors).toEqual([
      {
        id: 'bad-1',
        path: 'accounts[1].segment',
        message: 'Got "startup"; use one of enterprise, mid_market, smb, trial, or leave it out.',
      },
      {
        id: 'bad-1',
        path: 'accounts[1].signals.usage_depth',
        message: 'Got "expert"; usage_depth takes one of advanced, intermediate, basic.',
      },
      {
        id: 'bad-1',
        path: 'accounts[1].signals.reply_time_days',
        message: 'Got -2; reply_time_days takes a number of 0 or more or "none".',
      },
      {
        id: 'bad-1',
        path: 'accounts[1].signals.stakeholder_count',
        message: 'Got 2.5; stakeholder_count takes a whole number of 0 or more.',
      },
      {
        id: 'bad-1',
        path: 'accounts[1].signals.login_freq',
        message:
          '"login_freq" is not a signal of retention-os. Did you mean "login_frequency_pct"?',
      },
      {
        id: 'bad-1',
        path: 'accounts[1].modifiers.nps_last',
        message: 'Got 11; nps_last takes a whole number from 0 to 10.',
      },
    ]);
  });

  it('treats null as missing data, not as zero', () => {
    const { accounts, errors } = parseAccounts(
      { accounts: [{ id: 'a', signals: { usage_depth: null } }] },
      model,
    );
    expect(errors).toEqual([]);
    expect(accounts[0]?.signals).toEqual({ usage_depth: null });
  });

  it('rejects a wrong type, an account without id and a repeated id', () => {
    const { accounts, errors } = parseAccounts(
      {
        accounts: [
          { id: 'a', signals: { login_frequency_pct: '90' } },
          { signals: {} },
          { id: 'b' },
          { id: 'b' },
          'not an account',
        ],
      },
      model,
    );
    expect(accounts.map((a) => a.id)).toEqual(['b']);
    expect(errors.map((e) => [e.id, e.path])).toEqual([
      ['a', 'accounts[0].signals.login_frequency_pct'],
      [null, 'accounts[1].id'],
      ['b', 'accounts[3].id'],
      [null, 'accounts[4]'],
    ]);
    expect(errors[0]?.message).toBe(
      'Got "90"; login_frequency_pct takes a number of 0 or more. That is a number written as text: write 90, without quotes.',
    );
  });

  it('scores an account with fields it does not read, and counts them once per field', () => {
    const accounts = [
      { id: 'a', notes: 'renewal talk', mrr: 900, signals: { usage_depth: 'basic' } },
      { id: 'b', notes: '', segmnet: 'smb' },
      { id: 'c', notes: null },
    ];
    const parsed = parseAccounts({ accounts }, model);
    expect(parsed.errors).toEqual([]);
    expect(parsed.accounts.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(parsed.accounts[0]).not.toHaveProperty('notes');
    expect(parsed.ignored).toEqual([
      { field: 'notes', accounts: 3, closest: null },
      { field: 'mrr', accounts: 1, closest: null },
      { field: 'segmnet', accounts: 1, closest: 'segment' },
    ]);
  });

  it('still rejects a signal or modifier the model does not have', () => {
    const { errors, ignored } = parseAccounts(
      { accounts: [{ id: 'a', signals: { notes: 'x' }, modifiers: { mrr: 9 } }] },
      model,
    );
    expect(errors.map((e) => e.path)).toEqual([
      'accounts[0].signals.notes',
      'accounts[0].modifiers.mrr',
    ]);
    expect(ignored).toEqual([]);
  });

  it('suggests the value meant when only the case is off, and says when a number is text', () => {
    const { errors } = parseAccounts(
      {
        accounts: [
          {
            id: 'a',
            segment: 'Enterprise',
            signals: {
              usage_depth: 'Advanced',
              login_frequency_pct: '42',
              reply_time_days: 'None',
            },
            modifiers: { nps_last: ' 8 ' },
          },
        ],
      },
      model,
    );
    expect(errors.map((e) => e.message)).toEqual([
      'Got "Enterprise"; use one of enterprise, mid_market, smb, trial, or leave it out. Did you mean "enterprise"?',
      'Got "42"; login_frequency_pct takes a number of 0 or more. That is a number written as text: write 42, without quotes.',
      'Got "Advanced"; usage_depth takes one of advanced, intermediate, basic. Did you mean "advanced"?',
      'Got "None"; reply_time_days takes a number of 0 or more or "none". Did you mean "none"?',
      'Got " 8 "; nps_last takes a whole number from 0 to 10. That is a number written as text: write 8, without quotes.',
    ]);
  });

  it('refuses a file without an accounts list as a whole', () => {
    expect(() => parseAccounts([{ id: 'a' }], model)).toThrow(AccountsFileError);
    expect(() => parseAccounts({ account: [] }, model)).toThrow(/"accounts" list/);
  });
});
