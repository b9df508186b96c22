import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

/** The CLI in this process (run-cli.ts), each command on a data folder of its own. */
function vitals(args: string[], env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitals-startup-'));
  return runCli(args, { env: { VITALS_DATA_DIR: dataDir, ...env } });
}

/** A local port nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Each command tries HubSpot 5 times, with backoff, before it gives up: several seconds apiece.
describe.concurrent('HubSpot out of reach', { timeout: 60_000 }, () => {
  const unreachable = async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const said = `HubSpot could not be reached at ${url} (ECONNREFUSED: the connection was refused): check the network/proxy; nothing was changed.`;
    return { env: { HUBSPOT_ACCESS_TOKEN: 'pat-na1-test', HUBSPOT_BASE_URL: url }, said };
  };

  it('setup says so in its own words, and that nothing was changed (no crash)', async () => {
    const { env, said } = await unreachable();
    const setup = await vitals(['setup'], env);
    expect(setup.stderr).toBe(`${said}\n`);
    expect(setup.code).toBe(1);
  });

  it('doctor gives it its own check, after config and database that work', async () => {
    const { env, said } = await unreachable();
    const doctor = await vitals(['doctor'], env);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/^ok +config +/m);
    expect(doctor.stdout).toMatch(/^ok +database +/m);
    expect(doctor.stdout).toContain(`FAIL  HubSpot            ${said}`);
    expect(doctor.stdout).not.toMatch(/config and database|basePath/);
  });
});

describe.concurrent('a bad environment variable', () => {
  it('stops setup with one line naming the variable, the value and the fix (exit 2)', async () => {
    const { code, stdout, stderr } = await vitals(['setup'], { PORT: 'abc' });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      'PORT is "abc", which is not a port: set PORT to a whole number from 1 to 65535 (0 picks a free one), or unset it to listen on 3000.\n',
    );
  });

  it('fails the environment line of doctor, not the config file', async () => {
    const { code, stdout } = await vitals(['doctor'], { VITALS_PUBLIC_URL: 'http://acme.com' });
    expect(code).toBe(1);
    expect(stdout).toBe(
      'FAIL  environment        VITALS_PUBLIC_URL is "http://acme.com", which uses http: HubSpot only calls https URLs, so set it to https://acme.com (http is allowed only for localhost, in development).\n',
    );
  });
});
