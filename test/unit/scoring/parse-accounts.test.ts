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
    expect(errors[0]?.message).toBe('Got "90"; login_frequency_pct takes a number of 0 or more.');
  });

  it('suggests the known fields when an unknown one is nothing like them', () => {
    const { errors } = parseAccounts({ accounts: [{ id: 'a', mrr: 900 }] }, model);
    expect(errors[0]).toMatchObject({
      path: 'accounts[0].mrr',
      message:
        '"mrr" is not an account field of retention-os. Known account fields: id, name, segment, signals, modifiers.',
    });
  });

  it('refuses a file without an accounts list as a whole', () => {
    expect(() => parseAccounts([{ id: 'a' }], model)).toThrow(AccountsFileError);
    expect(() => parseAccounts({ account: [] }, model)).toThrow(/"accounts" list/);
  });
});
