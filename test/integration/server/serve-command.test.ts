import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CARD_PATHS, notScoredSchema } from '../../../extensions/app/cards/card-contract.ts';
import { signLikeHubSpot } from '../../unit/server/sign-like-hubspot.ts';
import { runCli } from '../../support/run-cli.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = join(ROOT, 'src/cli/vitals.js');
const SECRET = 'serve-command-test-secret';
const PUBLIC_URL = 'https://vitals.example.com';
const SLOW = 120_000;

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitals-serve-'));
  dataDirs.push(dataDir);
  return {
    ...process.env,
    HUBSPOT_ACCESS_TOKEN: '',
    HUBSPOT_CLIENT_SECRET: '',
    VITALS_PUBLIC_URL: '',
    VITALS_CONFIG: '',
    VITALS_DATA_DIR: dataDir,
    PORT: '0',
    ...env,
  };
}

/** The variables cleanEnv sets, for the in-process CLI (which keeps the rest of this process's). */
function strings(env: NodeJS.ProcessEnv): Record<string, string> {
  const keys = [
    'HUBSPOT_ACCESS_TOKEN',
    'HUBSPOT_CLIENT_SECRET',
    'VITALS_PUBLIC_URL',
    'VITALS_CONFIG',
    'VITALS_DATA_DIR',
    'PORT',
  ];
  return Object.fromEntries(keys.map((key) => [key, env[key] ?? '']));
}

/**
 * Starts a long-running command, waits for a stdout line matching `ready`, hands its match to
 * `check`, then stops the command with SIGTERM and resolves with its exit code and output.
 */
function whileRunning(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  check: (match: RegExpMatchArray) => Promise<void>,
) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    let checked = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = stdout.match(ready);
      if (!match || checked) return;
      checked = true;
      check(match)
        // `vitals start` prints its last line just before it listens for SIGTERM.
        .then(() => delay(500))
        .then(() => child.kill('SIGTERM'))
        .catch((error: unknown) => {
          child.kill('SIGKILL');
          reject(error as Error);
        });
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.concurrent('vitals serve and vitals start', () => {
  it('serve refuses to start without the client secret and public URL, naming both', async () => {
    const env = cleanEnv({});
    const { code, stderr } = await runCli(['serve'], { env: strings(env) });
    expect(code).toBe(2);
    expect(stderr).toContain('HUBSPOT_CLIENT_SECRET and VITALS_PUBLIC_URL are not set');
    expect(existsSync(join(env.VITALS_DATA_DIR!, 'sandbox'))).toBe(false);
  });

  it('serve refuses a public URL HubSpot cannot call, naming the variable, the value and the fix', async () => {
    const env = cleanEnv({
      HUBSPOT_CLIENT_SECRET: SECRET,
      VITALS_PUBLIC_URL: 'http://vitals.example.com',
    });
    const { code, stderr } = await runCli(['serve'], { env: strings(env) });
    expect(code).toBe(2);
    expect(stderr).toContain(
      'VITALS_PUBLIC_URL is "http://vitals.example.com", which uses http: HubSpot only calls https URLs, so set it to https://vitals.example.com',
    );
  });

  it(
    'serve answers /healthz and signed card requests until SIGTERM',
    async () => {
      const env = cleanEnv({ HUBSPOT_CLIENT_SECRET: SECRET, VITALS_PUBLIC_URL: PUBLIC_URL });
      const result = await whileRunning(
        ['serve'],
        env,
        /Card API listening on (http:\/\/\S+?),/,
        async ([, url]) => {
          expect((await fetch(`${url}/healthz`)).status).toBe(200);
          const path = CARD_PATHS.company('31000000001');
          const timestamp = String(Date.now());
          const signature = signLikeHubSpot({
            secret: SECRET,
            method: 'GET',
            uri: PUBLIC_URL + path,
            timestamp,
          });
          const res = await fetch(url + path, {
            headers: {
              'X-HubSpot-Signature-v3': signature,
              'X-HubSpot-Request-Timestamp': timestamp,
            },
          });
          expect(res.status).toBe(404);
          expect(notScoredSchema.parse(await res.json()).companyId).toBe('31000000001');
        },
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('SANDBOX demo portal');
      expect(result.stderr).toContain('"msg":"request"');
      expect(result.stderr).not.toContain(SECRET);
    },
    SLOW,
  );

  it(
    'start serves the card API after its first run when both variables are set',
    async () => {
      const env = cleanEnv({ HUBSPOT_CLIENT_SECRET: SECRET, VITALS_PUBLIC_URL: PUBLIC_URL });
      const result = await whileRunning(
        ['start'],
        env,
        // Wait for the schedule's line: its Ctrl+C handler is in place once it is out.
        /Card API listening on (http:\/\/\S+?),[^]*Press Ctrl\+C to stop/,
        async ([, url]) => {
          expect((await fetch(`${url}/healthz`)).status).toBe(200);
        },
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Rescored|companies/i);
    },
    SLOW,
  );

  it(
    'start says in one line that the card API is off, and which variables turn it on',
    async () => {
      const result = await whileRunning(
        ['start'],
        cleanEnv({}),
        /(The card API is off: .*\n)[^]*Press Ctrl\+C to stop/,
        async ([, line]) => {
          expect(line).toBe(
            'The card API is off: set HUBSPOT_CLIENT_SECRET and VITALS_PUBLIC_URL to serve it.\n',
          );
        },
      );
      expect(result.code).toBe(0);
    },
    SLOW,
  );
});
