import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.ts';
import { loadConfig } from '../../../src/config/load-config.ts';

const emptyDir = () => mkdtempSync(join(tmpdir(), 'vitals-env-'));

function errorOf(env: Record<string, string>, cwd = emptyDir()): ConfigError {
  try {
    loadConfig({ env, cwd });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('a bad environment variable is named with its value and fix, not blamed on the file', () => {
  it('says only what is wrong with the variables when the file is fine', () => {
    const error = errorOf({ PORT: 'abc', VITALS_PUBLIC_URL: 'vitals.acme.com' });
    expect(error.message.split('\n')).toEqual([
      `VITALS_PUBLIC_URL is "vitals.acme.com", which is not a web address: set it to the service's public origin, like https://vitals.example.com.`,
      'PORT is "abc", which is not a port: set PORT to a whole number from 1 to 65535 (0 picks a free one), or unset it to listen on 3000.',
    ]);
    expect(error.message).not.toMatch(/configuration|config file/i);
    expect(error.envIssues.map((i) => i.path)).toEqual(['VITALS_PUBLIC_URL', 'PORT']);
  });

  it('keeps the file problems under the file and the variables apart', () => {
    const cwd = emptyDir();
    writeFileSync(join(cwd, 'vitals.config.yaml'), 'dryRun: sometimes\n');
    const error = errorOf({ PORT: '99999' }, cwd);
    expect(error.message.split('\n')).toEqual([
      `The configuration has a problem (${join(cwd, 'vitals.config.yaml')}):`,
      '  dryRun: Got "sometimes"; expected boolean.',
      'Fix the config and start again; vitals.config.example.yaml shows every setting.',
      'PORT is "99999", which is not a port: set PORT to a whole number from 1 to 65535 (0 picks a free one), or unset it to listen on 3000.',
    ]);
  });

  it('blames VITALS_CONFIG, not the file, when it names no file', () => {
    const cwd = emptyDir();
    mkdirSync(join(cwd, 'conf'));
    expect(errorOf({ VITALS_CONFIG: 'nope.yaml' }, cwd).message).toBe(
      `VITALS_CONFIG is "nope.yaml", but there is no such file (${join(cwd, 'nope.yaml')}): set VITALS_CONFIG to the config file's path, or unset it to use vitals.config.yaml in the working directory.`,
    );
    expect(errorOf({ VITALS_CONFIG: 'conf' }, cwd).message).toMatch(
      /^VITALS_CONFIG is "conf", but it is a folder \(.*conf\): set VITALS_CONFIG to/,
    );
  });
});

describe('HUBSPOT_BASE_URL', () => {
  const baseUrl = (value: string) =>
    loadConfig({ env: { HUBSPOT_BASE_URL: value }, cwd: emptyDir() }).hubspot.baseUrl;

  it("is HubSpot's API unless set; a proxy may have a path", () => {
    expect(loadConfig({ env: {}, cwd: emptyDir() }).hubspot.baseUrl).toBe('https://api.hubapi.com');
    expect(baseUrl('https://proxy.acme.com/hubspot/')).toBe('https://proxy.acme.com/hubspot');
    expect(baseUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it.each([
    ['api.hubapi.com', 'which is not a web address'],
    ['http://proxy.acme.com', 'which uses http: the access token goes with every call'],
    ['https://me:pw@proxy.acme.com', 'which holds a user name, password, query or fragment'],
  ])('refuses %s, naming the variable, the value and the fix', (value, words) => {
    const [issue] = errorOf({ HUBSPOT_BASE_URL: value }).issues;
    expect(issue).toEqual({ path: 'HUBSPOT_BASE_URL', message: expect.stringContaining(words) });
    expect(issue!.message).toMatch(new RegExp(`^HUBSPOT_BASE_URL is "${value}", `));
  });
});

describe('DATABASE_URL', () => {
  const load = (value: string) => loadConfig({ env: { DATABASE_URL: value }, cwd: emptyDir() });

  it('keeps the store in SQLite unless set, and never shows its password', () => {
    expect(loadConfig({ env: {}, cwd: emptyDir() }).databaseUrl).toBeNull();
    const url = 'postgres://vitals:s3cret@db.internal:5432/vitals';
    const config = load(url);
    expect(config.databaseUrl?.reveal()).toBe(url);
    expect(JSON.stringify(config)).not.toContain('s3cret');
  });

  it('names the variable, the value without its password, and the fix', () => {
    expect(errorOf({ DATABASE_URL: 'mysql://vitals:s3cret@db/vitals' }).message).toBe(
      'DATABASE_URL is not a PostgreSQL address (it starts with "mysql:"; the value is not shown, as it may hold a password): set it like postgres://vitals:PASSWORD@db.internal:5432/vitals, or unset it to keep the store in the embedded SQLite file.',
    );
    expect(errorOf({ DATABASE_URL: 'postgres://vitals:s3cret@db.internal' }).message).toBe(
      'DATABASE_URL is "postgres://vitals:***@db.internal", which names no database: end it with /DATABASE_NAME, like postgres://vitals:PASSWORD@db.internal:5432/vitals.',
    );
    expect(errorOf({ DATABASE_URL: 'vitals:s3cret@db.internal/vitals' }).message).toBe(
      'DATABASE_URL is not a PostgreSQL address (it starts with "vitals:"; the value is not shown, as it may hold a password): set it like postgres://vitals:PASSWORD@db.internal:5432/vitals, or unset it to keep the store in the embedded SQLite file.',
    );
  });
});
