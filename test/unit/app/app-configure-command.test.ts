import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appConfigureCommand } from '../../../src/cli/app-configure-command.ts';
import { CliError } from '../../../src/cli/cli-error.ts';
import { inspectProject } from '../project/inspect-project.ts';
import { configEnv, memoryIo, projectCopy, removeCopies, ROOT } from './project-copy.ts';

const URL = 'https://vitals.acme.com';
const FILES = {
  app: 'extensions/app/app-hsmeta.json',
  service: 'extensions/app/cards/service/service-url.ts',
  pagesService: 'extensions/app/pages/service/service-url.ts',
  webhooks: 'extensions/app/webhooks/webhooks-hsmeta.json',
  local: 'extensions/app/local.json.example',
};

afterAll(removeCopies);

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const json = <T>(dir: string, file: string) => JSON.parse(read(dir, file)) as T;
const snapshot = (dir: string) => Object.values(FILES).map((file) => read(dir, file));

function configure(dir: string, publicUrl = URL, env = configEnv()) {
  const io = memoryIo();
  const status = appConfigureCommand({ publicUrl, projectDir: dir }, io, env);
  return { status, out: io.stdout(), err: io.stderr() };
}

interface Webhooks {
  uid: string;
  config: {
    settings: { targetUrl: string; maxConcurrentRequests: number };
    subscriptions: { crmObjects: { propertyName?: string; active: boolean }[] };
  };
}

describe('vitals app configure --public-url', () => {
  let dir: string;
  let first: ReturnType<typeof configure>;

  beforeAll(() => {
    dir = projectCopy();
    first = configure(dir, `${URL}/`);
  });

  it('writes the URL into all five places and says what changed, file by file', () => {
    expect(first.status).toBe(0);
    expect(
      json<{ config: { permittedUrls: { fetch: string[] } } }>(dir, FILES.app).config.permittedUrls
        .fetch,
    ).toEqual([URL]);
    expect(read(dir, FILES.service)).toContain(`export const SERVICE_URL = '${URL}';`);
    expect(read(dir, FILES.pagesService)).toContain(`export const SERVICE_URL = '${URL}';`);
    expect(json<Webhooks>(dir, FILES.webhooks).config.settings.targetUrl).toBe(
      `${URL}/webhooks/hubspot`,
    );
    expect(json<{ proxy: Record<string, string> }>(dir, FILES.local).proxy).toEqual({
      [URL]: 'http://localhost:3000',
    });
    for (const file of Object.values(FILES))
      expect(first.out).toMatch(new RegExp(`${file.replace(/\./g, '\\.')}: .*${URL}`));
  });

  it('changes only the URL lines, in files prettier leaves as they are', async () => {
    for (const file of Object.values(FILES)) {
      const before = read(ROOT, file).split('\n');
      const after = read(dir, file).split('\n');
      expect(after.filter((line, i) => line !== before[i])).toHaveLength(1);
      const options = await prettier.resolveConfig(path.join(ROOT, file));
      expect(
        await prettier.check(read(dir, file), { ...options, filepath: path.join(ROOT, file) }),
      ).toBe(true);
    }
  });

  it('leaves a project that passes the offline check', async () => {
    const report = await inspectProject(dir);
    expect(report.problems).toEqual([]);
  });

  it('changes nothing the second time, and says so', () => {
    const before = snapshot(dir);
    const again = configure(dir);
    expect(again.status).toBe(0);
    expect(again.out).toMatch(
      /^Nothing to change: the HubSpot project already uses https:\/\/vitals\.acme\.com/,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('moves local.json too when the admin has one, keeping its port', () => {
    const copy = projectCopy();
    writeFileSync(
      path.join(copy, 'extensions/app/local.json'),
      JSON.stringify({ proxy: { 'https://vitals.example.com': 'http://localhost:4100' } }, null, 2),
    );
    const { out } = configure(copy);
    expect(json<{ proxy: object }>(copy, 'extensions/app/local.json').proxy).toEqual({
      [URL]: 'http://localhost:4100',
    });
    expect(out).toContain('extensions/app/local.json: proxy');
  });

  it('rewrites the subscriptions from the config, pausing those it no longer reads', () => {
    const copy = projectCopy();
    const custom = configEnv(
      'signals:\n  usage_depth: { from: company, property: depth_of_use }\n',
    );
    const { out } = configure(copy, URL, custom);
    const entries = json<Webhooks>(copy, FILES.webhooks).config.subscriptions.crmObjects;
    expect(entries).toContainEqual(
      expect.objectContaining({ propertyName: 'depth_of_use', active: true }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ propertyName: 'product_usage_depth', active: false }),
    );
    expect(out).toContain('subscribed: object.propertyChange company depth_of_use');
    expect(out).toMatch(
      /paused \(active: false\), no longer read: .*object\.propertyChange company product_usage_depth/,
    );
  });

  it('keeps the uid and maxConcurrentRequests an admin set', () => {
    const copy = projectCopy();
    const file = path.join(copy, FILES.webhooks);
    const edited = json<Webhooks>(copy, FILES.webhooks);
    edited.config.settings.maxConcurrentRequests = 25;
    writeFileSync(file, `${JSON.stringify(edited, null, 2)}\n`);
    configure(copy);
    expect(json<Webhooks>(copy, FILES.webhooks).config.settings.maxConcurrentRequests).toBe(25);
    expect(json<Webhooks>(copy, FILES.webhooks).uid).toBe('vitals_webhooks');
  });

  it.each([
    ['vitals.acme.com', /is not a web address: give the service's public origin, like https:/],
    ['http://vitals.acme.com', /uses http: .* so give https:\/\/vitals\.acme\.com/],
    [
      'https://vitals.acme.com/api',
      /has a path, query or fragment: give the origin only, like https:\/\/vitals\.acme\.com/,
    ],
    ['https://me:pw@vitals.acme.com', /holds a user name or password/],
  ])('refuses %s, naming the value and the fix, and writes nothing', (bad, message) => {
    const copy = projectCopy();
    const before = snapshot(copy);
    let error: unknown;
    try {
      configure(copy, bad);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toContain(`"${bad}"`);
    expect((error as CliError).message).toMatch(message);
    expect((error as CliError).exitCode).toBe(2);
    expect(snapshot(copy)).toEqual(before);
  });

  it('accepts http for localhost, with a note that HubSpot will not take it on upload', () => {
    const { status, out } = configure(projectCopy(), 'http://localhost:3000');
    expect(status).toBe(0);
    expect(out).toMatch(/HubSpot refuses localhost/);
  });

  it('moves a project from before the app pages, which has no copy of the URL there', () => {
    const copy = projectCopy();
    rmSync(path.join(copy, 'extensions/app/pages'), { recursive: true });
    const { status, out } = configure(copy);
    expect(status).toBe(0);
    expect(read(copy, FILES.service)).toContain(`export const SERVICE_URL = '${URL}';`);
    expect(out).not.toContain('pages');
  });

  it('stops with the fix when the app pages lost their SERVICE_URL line', () => {
    const copy = projectCopy();
    writeFileSync(path.join(copy, FILES.pagesService), 'export const OTHER = 1;\n');
    expect(() => configure(copy)).toThrow(
      /pages[/\\]service[/\\]service-url\.ts has no `export const SERVICE_URL = '…'`/,
    );
    expect(read(copy, FILES.service)).toBe(read(ROOT, FILES.service));
  });

  it('stops with the fix when the cards lost their SERVICE_URL line', () => {
    const copy = projectCopy();
    writeFileSync(path.join(copy, FILES.service), 'export const OTHER = 1;\n');
    expect(() => configure(copy)).toThrow(
      /service-url\.ts has no `export const SERVICE_URL = '…'`/,
    );
    expect(read(copy, FILES.app)).toBe(read(ROOT, FILES.app));
  });
});
