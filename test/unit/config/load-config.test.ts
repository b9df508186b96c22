import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.ts';
import { DEFAULT_SIGNALS } from '../../../src/config/default-mapping.ts';
import { loadConfig } from '../../../src/config/load-config.ts';

const EXAMPLE = resolve(import.meta.dirname, '../../../vitals.config.example.yaml');
const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';

function emptyDir(): string {
  return mkdtempSync(join(tmpdir(), 'vitals-config-'));
}

function errorOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('loads the example: retention-os, the demo mapping, sandbox mode', () => {
    const config = loadConfig({ env: {}, file: EXAMPLE, cwd: '/srv/vitals' });
    expect(config.file).toBe(EXAMPLE);
    expect(config.model.name).toBe('retention-os');
    expect(config.signals).toEqual(DEFAULT_SIGNALS);
    expect(config.segments.rules.map((r) => r.segment)).toEqual([
      'trial',
      'enterprise',
      'mid_market',
    ]);
    expect(config.segments.default).toBe('smb');
    expect(config.schedule).toEqual({ cron: '0 */6 * * *', timezone: null });
    expect(config.rateLimit).toEqual({ per10s: 100, dailyLimit: null });
    expect(config.dryRun).toBe(false);
    expect(config.dataDir).toBe('/srv/vitals/data');
    expect(config.hubspot).toEqual({
      mode: 'sandbox',
      accessToken: null,
      clientSecret: null,
      baseUrl: 'https://api.hubapi.com',
    });
  });

  it('uses built-in defaults equal to the example when no config file exists', () => {
    const cwd = emptyDir();
    const defaults = loadConfig({ env: {}, cwd });
    const example = loadConfig({ env: {}, cwd, file: EXAMPLE });
    expect(defaults.file).toBeNull();
    expect({ ...defaults, file: EXAMPLE }).toEqual(example);
  });

  it('finds vitals.config.yaml or .json in the working directory, or the file in VITALS_CONFIG', () => {
    const cwd = emptyDir();
    writeFileSync(join(cwd, 'vitals.config.json'), JSON.stringify({ dryRun: true }));
    expect(loadConfig({ env: {}, cwd }).dryRun).toBe(true);

    writeFileSync(join(cwd, 'other.yml'), 'rateLimit: { per10s: 190 }\n');
    const fromEnv = loadConfig({ env: { VITALS_CONFIG: 'other.yml' }, cwd });
    expect(fromEnv.file).toBe(join(cwd, 'other.yml'));
    expect(fromEnv.rateLimit.per10s).toBe(190);
  });

  it('refuses to guess between two config files', () => {
    const cwd = emptyDir();
    writeFileSync(join(cwd, 'vitals.config.json'), '{}');
    writeFileSync(join(cwd, 'vitals.config.yml'), '');
    expect(errorOf(() => loadConfig({ env: {}, cwd })).issues).toEqual([
      {
        path: '',
        message: `Found ${join(cwd, 'vitals.config.json')} and ${join(cwd, 'vitals.config.yml')}; keep one of them so it is clear which applies.`,
      },
    ]);
  });

  it('reports a YAML syntax error with its line and column', () => {
    const cwd = emptyDir();
    writeFileSync(
      join(cwd, 'vitals.config.yaml'),
      'model:\n  preset: retention-os\n dryRun: true\n',
    );
    expect(errorOf(() => loadConfig({ env: {}, cwd })).issues).toEqual([
      {
        path: '',
        message:
          'Not valid YAML at line 3, column 1: All mapping items must start at the same column.',
      },
    ]);
  });

  it('reports a JSON syntax error with its line and column', () => {
    const cwd = emptyDir();
    writeFileSync(join(cwd, 'vitals.config.json'), '{\n  "dryRun": true,\n}\n');
    expect(errorOf(() => loadConfig({ env: {}, cwd })).issues).toEqual([
      {
        path: '',
        message:
          'Not valid JSON at line 3, column 1: expected a field name in double quotes (is there a comma too many?).',
      },
    ]);
  });

  it('says when the named file does not exist', () => {
    const cwd = emptyDir();
    expect(errorOf(() => loadConfig({ env: {}, cwd, file: 'nope.yaml' })).issues).toEqual([
      {
        path: '',
        message: `Cannot read ${join(cwd, 'nope.yaml')}: there is no such file; check the path.`,
      },
    ]);
  });
});

describe('environment', () => {
  const cwd = emptyDir();

  it('puts data under ./data by default, or under VITALS_DATA_DIR, resolved against cwd', () => {
    expect(loadConfig({ env: {}, cwd }).dataDir).toBe(join(cwd, 'data'));
    expect(loadConfig({ env: { VITALS_DATA_DIR: 'state/test' }, cwd }).dataDir).toBe(
      join(cwd, 'state/test'),
    );
    expect(loadConfig({ env: { VITALS_DATA_DIR: '/var/lib/vitals' }, cwd }).dataDir).toBe(
      '/var/lib/vitals',
    );
  });

  it('runs against HubSpot with a token and against the sandbox without one', () => {
    const live = loadConfig({
      env: { HUBSPOT_ACCESS_TOKEN: ` ${TOKEN}\n`, HUBSPOT_CLIENT_SECRET: 'client-secret-1' },
      cwd,
    });
    expect(live.hubspot.mode).toBe('hubspot');
    expect(live.hubspot.accessToken?.reveal()).toBe(TOKEN);
    expect(live.hubspot.clientSecret?.reveal()).toBe('client-secret-1');
    expect(loadConfig({ env: { HUBSPOT_ACCESS_TOKEN: '' }, cwd }).hubspot.mode).toBe('sandbox');
  });

  it('never shows a secret: not in JSON, util.inspect, String() or error messages', () => {
    const config = loadConfig({
      env: { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_CLIENT_SECRET: 'cs-42' },
      cwd,
    });
    for (const text of [
      JSON.stringify(config),
      inspect(config, { depth: Infinity, showHidden: true }),
      String(config.hubspot.accessToken),
      `${config.hubspot.clientSecret}`,
    ]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('cs-42');
    }
    expect(JSON.stringify(config.hubspot)).toBe(
      '{"mode":"hubspot","accessToken":"[redacted]","clientSecret":"[redacted]","baseUrl":"https://api.hubapi.com"}',
    );

    const error = errorOf(() =>
      loadConfig({ env: { HUBSPOT_ACCESS_TOKEN: `"${TOKEN}"` }, cwd, file: EXAMPLE }),
    );
    expect(error.issues).toEqual([
      {
        path: 'HUBSPOT_ACCESS_TOKEN',
        message:
          'HUBSPOT_ACCESS_TOKEN holds spaces or quotes (its value is secret, so it is not shown here): set HUBSPOT_ACCESS_TOKEN to the bare token, with nothing around it.',
      },
    ]);
    expect(error.message).not.toContain(TOKEN);
    expect(inspect(error)).not.toContain(TOKEN);
  });
});
