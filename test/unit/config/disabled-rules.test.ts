import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.ts';
import { resolveConfig } from '../../../src/config/resolve-config.ts';
import { RULES } from '../../../src/plays/rules.ts';

const resolve = (data: unknown) => resolveConfig(data, { env: {}, cwd: '/srv/vitals', file: null });

function issuesOf(disabledRules: unknown) {
  try {
    resolve({ plays: { disabledRules } });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected the config to be rejected');
}

describe('plays.disabledRules is checked against the rule table', () => {
  it('takes every id of the table, trimmed and without repeats', () => {
    const ids = RULES.map((r) => r.id);
    expect(resolve({ plays: { disabledRules: ids } }).plays.disabledRules).toEqual(ids);
    expect(
      resolve({ plays: { disabledRules: [' tier-critical', 'tier-critical '] } }).plays
        .disabledRules,
    ).toEqual(['tier-critical']);
  });

  it('names the entry, the value and the closest id for a misspelt one', () => {
    const [issue, ...rest] = issuesOf(['tier-critical', 'nps_detractor']);
    expect(rest).toEqual([]);
    expect(issue!.path).toBe('plays.disabledRules[1]');
    expect(issue!.message).toMatch(
      /^"nps_detractor" is not a rule id\. Did you mean "nps-detractor"\?/,
    );
  });

  it('lists every valid id when nothing is close', () => {
    const [issue] = issuesOf(['referral-ask-please']);
    expect(issue!.path).toBe('plays.disabledRules[0]');
    expect(issue!.message).not.toContain('Did you mean');
    for (const rule of RULES) expect(issue!.message).toContain(rule.id);
    expect(issue!.message).toContain('vitals plays list');
  });

  it('reports each bad entry once, an empty one with its own message', () => {
    expect(issuesOf(['win_back', ' ', 'tier-healthy']).map((i) => i.path)).toEqual([
      'plays.disabledRules[0]',
      'plays.disabledRules[1]',
    ]);
    expect(issuesOf([' '])).toEqual([
      {
        path: 'plays.disabledRules[0]',
        message: 'Give a rule id here, or remove the empty entry.',
      },
    ]);
  });
});
