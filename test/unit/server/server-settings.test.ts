import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.ts';
import { resolveConfig } from '../../../src/config/resolve-config.ts';

const load = (env: Record<string, string>) => resolveConfig({}, { env, cwd: '/srv', file: null });

function issuesOf(env: Record<string, string>) {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

describe('the card API settings from the environment', () => {
  it('has no public URL and port 3000 when nothing is set', () => {
    expect(load({}).server).toEqual({ publicUrl: null, port: 3000 });
  });

  it('takes an https origin (a trailing slash is fine) and a port', () => {
    expect(load({ VITALS_PUBLIC_URL: 'https://vitals.example.com/', PORT: '8080' }).server).toEqual(
      { publicUrl: 'https://vitals.example.com', port: 8080 },
    );
    expect(load({ VITALS_PUBLIC_URL: 'https://vitals.example.com:8443' }).server.publicUrl).toBe(
      'https://vitals.example.com:8443',
    );
  });

  it('allows http only for localhost', () => {
    for (const url of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      expect(load({ VITALS_PUBLIC_URL: url }).server.publicUrl).toBe(url);
    }
  });

  it.each([
    [
      'http://vitals.example.com',
      'uses http: HubSpot only calls https URLs, so set it to https://vitals.example.com',
    ],
    ['vitals.example.com', 'is not a web address'],
    [
      'https://vitals.example.com/api',
      'has a path, query or fragment: set it to the origin only, like https://vitals.example.com',
    ],
    ['https://vitals.example.com/?x=1', 'has a path, query or fragment'],
    ['https://me:pw@vitals.example.com', 'holds a user name or password'],
  ])('refuses VITALS_PUBLIC_URL=%s, naming the variable, the value and the fix', (url, words) => {
    const [issue] = issuesOf({ VITALS_PUBLIC_URL: url });
    expect(issue!.path).toBe('VITALS_PUBLIC_URL');
    expect(issue!.message).toContain(`"${url}"`);
    expect(issue!.message).toContain(words);
  });

  it.each(['http', '-1', '70000', '80.5'])('refuses PORT=%s with what it takes', (port) => {
    expect(issuesOf({ PORT: port })).toEqual([
      {
        path: 'PORT',
        message: `PORT is "${port}", which is not a port: set PORT to a whole number from 1 to 65535 (0 picks a free one), or unset it to listen on 3000.`,
      },
    ]);
  });
});
