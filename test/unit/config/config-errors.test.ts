import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.ts';
import { resolveConfig } from '../../../src/config/resolve-config.ts';

function issuesOf(data: unknown) {
  try {
    resolveConfig(data, { env: {}, cwd: '/srv/vitals', file: null });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected the config to be rejected');
}

describe('config errors name the path, the bad value and what is allowed', () => {
  it('reports a value of the wrong type', () => {
    expect(issuesOf({ dryRun: 'yes' })).toEqual([
      { path: 'dryRun', message: 'Got "yes"; expected boolean.' },
    ]);
  });

  it('rejects unknown keys, each with its own did-you-mean', () => {
    expect(issuesOf({ mdoel: {}, rateLimt: {}, colour: 'red' })).toEqual([
      { path: 'mdoel', message: '"mdoel" is not a setting of the config. Did you mean "model"?' },
      {
        path: 'rateLimt',
        message: '"rateLimt" is not a setting of the config. Did you mean "rateLimit"?',
      },
      {
        path: 'colour',
        message:
          '"colour" is not a setting of the config. Use model, segments, signals, mrrProperty, schedule, rateLimit, dryRun, plays.',
      },
    ]);
    expect(
      issuesOf({ signals: { usage_depth: { from: 'company', propery: 'x' } } }),
    ).toContainEqual({
      path: 'signals.usage_depth.propery',
      message: '"propery" is not a setting of a company source. Did you mean "property"?',
    });
  });

  it('sends secrets written into the file to the environment, without repeating them', () => {
    const issues = issuesOf({ accessToken: 'pat-na1-abc' });
    expect(issues).toEqual([
      {
        path: 'accessToken',
        message:
          '"accessToken" cannot be set here: secrets come only from the environment (HUBSPOT_ACCESS_TOKEN, HUBSPOT_CLIENT_SECRET). Remove it from the file.',
      },
    ]);
  });

  it('rejects a signal key the model does not have, suggesting the closest', () => {
    expect(
      issuesOf({ signals: { login_frequency: { from: 'company', property: 'logins' } } }),
    ).toEqual([
      {
        path: 'signals.login_frequency',
        message:
          'retention-os has no signal or modifier "login_frequency". Did you mean "login_frequency_pct"?',
      },
    ]);
  });

  it('rejects an unknown source kind', () => {
    expect(issuesOf({ signals: { usage_depth: { from: 'compnay', property: 'x' } } })).toEqual([
      {
        path: 'signals.usage_depth.from',
        message:
          'Got "compnay". "from" takes one of company, associatedContactCount, champion, daysSince, latestContactNumber. Did you mean "company"?',
      },
    ]);
  });

  it('rejects an enum map to a value the model does not allow', () => {
    const signals = {
      usage_depth: { from: 'company', property: 'tier', map: { expert: 'guru', basic: 'basic' } },
      nps_last: { from: 'company', property: 'nps', map: { great: 11 } },
    };
    expect(issuesOf({ signals })).toEqual([
      {
        path: 'signals.usage_depth.map.expert',
        message: 'Got "guru"; usage_depth takes one of advanced, intermediate, basic.',
      },
      {
        path: 'signals.nps_last.map.great',
        message: 'Got 11; nps_last takes a whole number from 0 to 10.',
      },
    ]);
  });

  it('rejects sources whose values cannot feed the signal', () => {
    const signals = {
      champion_status: { from: 'associatedContactCount' },
      stakeholder_count: { from: 'champion', role: 'CHAMPION' },
      usage_depth: { from: 'company', property: 'depth', type: 'number' },
      login_frequency_pct: { from: 'company', property: 'logins', type: 'enum' },
    };
    expect(issuesOf({ signals })).toEqual([
      {
        path: 'signals.champion_status.from',
        message:
          '"associatedContactCount" gives a number, but champion_status takes one of strong, moderate, weak, unknown, left.',
      },
      {
        path: 'signals.stakeholder_count.from',
        message:
          '"champion" gives strong or unknown, but stakeholder_count takes a whole number of 0 or more.',
      },
      {
        path: 'signals.usage_depth.type',
        message:
          "usage_depth takes one of advanced, intermediate, basic, not a number; use type: enum with a map from the property's values.",
      },
      {
        path: 'signals.login_frequency_pct.map',
        message:
          'login_frequency_pct takes a number; give a map from each option value of logins to a number, e.g. { low: 1, high: 10 }.',
      },
    ]);
  });

  it('rejects a property label where the internal name belongs', () => {
    expect(issuesOf({ mrrProperty: 'Monthly revenue' })).toEqual([
      {
        path: 'mrrProperty',
        message:
          'Got "Monthly revenue". Use the property\'s internal name (letters, digits and "_", e.g. "product_usage_depth"), not its label.',
      },
    ]);
  });

  it('rejects a bad cron expression and time zone', () => {
    expect(issuesOf({ schedule: { cron: '0 */6 * *', timezone: 'Europe/Berln' } })).toEqual([
      {
        path: 'schedule.cron',
        message:
          'Got "0 */6 * *": expected 5 or 6 fields but got 4. Use five fields, minute hour day-of-month month day-of-week, e.g. "0 */6 * * *" (every 6 hours).',
      },
      {
        path: 'schedule.timezone',
        message:
          'Got "Europe/Berln"; use an IANA time zone such as "Europe/Berlin" or "UTC". Did you mean "Europe/Berlin"?',
      },
    ]);
    expect(issuesOf({ schedule: { cron: '61 * * * *' } })[0]!.message).toMatch(
      /^Got "61 \* \* \* \*": "61" is not a valid minute \(0-59\)\./,
    );
  });

  it('rejects a rate limit HubSpot does not have', () => {
    expect(issuesOf({ rateLimit: { per10s: 150, dailyLimit: 0 } })).toEqual([
      {
        path: 'rateLimit.per10s',
        message:
          'Got 150; use 100 (Free and Starter portals), 190 (Professional and Enterprise) or 250 (with the API limit increase).',
      },
      { path: 'rateLimit.dailyLimit', message: 'Got 0; the smallest allowed is 1.' },
    ]);
  });

  it('rejects segment rules with no test or two, and unknown segments', () => {
    const segments = {
      rules: [
        { segment: 'trial', property: 'customer_status' },
        { segment: 'enterprise', property: 'mrr', above: 5000, below: 9000 },
        { segment: 'enterprize', property: 'mrr', above: 1 },
      ],
      default: 'medium',
    };
    expect(issuesOf({ segments })).toEqual([
      {
        path: 'segments.rules[0]',
        message: 'Give the rule one test: equals, in, atLeast, above, atMost, below.',
      },
      {
        path: 'segments.rules[1]',
        message: 'A rule has one test; this one has above and below. Split it into two rules.',
      },
      {
        path: 'segments.rules[2].segment',
        message: 'Got "enterprize"; use enterprise, mid_market, smb, trial.',
      },
      {
        path: 'segments.default',
        message: 'Got "medium"; use enterprise, mid_market, smb, trial.',
      },
    ]);
  });

  it('rejects a config that is not an object of settings', () => {
    expect(issuesOf(['model'])).toEqual([
      {
        path: '',
        message:
          'Got a list; the config takes an object of settings (model, segments, signals, mrrProperty, schedule, rateLimit, dryRun, plays).',
      },
    ]);
  });

  it('lists every problem at once, across sections', () => {
    const paths = issuesOf({
      dryRun: 1,
      rateLimit: { per10s: 99 },
      model: { preset: 'retention' },
    }).map((i) => i.path);
    expect(paths).toEqual(['rateLimit.per10s', 'dryRun', 'model.preset']);
  });

  it('writes a readable message with one line per problem', () => {
    try {
      resolveConfig(
        { dryRun: 'no', schedule: { cron: 'hourly' } },
        { env: {}, cwd: '/', file: '/srv/vitals.config.yaml' },
      );
    } catch (error) {
      expect((error as Error).message).toBe(
        [
          'The configuration has 2 problems (/srv/vitals.config.yaml):',
          '  schedule.cron: Got "hourly": expected 5 or 6 fields but got 1. Use five fields, minute hour day-of-month month day-of-week, e.g. "0 */6 * * *" (every 6 hours).',
          '  dryRun: Got "no"; expected boolean.',
          'Fix the config and start again; vitals.config.example.yaml shows every setting.',
        ].join('\n'),
      );
      return;
    }
    throw new Error('expected the config to be rejected');
  });
});
