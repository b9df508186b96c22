import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { remoteBuild } from '@hubspot/ui-extensions-dev-server/build';
import { afterAll, describe, expect, it } from 'vitest';

const APP = new URL('../../../extensions/app/', import.meta.url).pathname;
/**
 * A card is fetched by every CRM record page that shows it, and the app pages each time the app
 * opens: keep them light.
 */
const BUDGET_BYTES = 300_000;
const out = mkdtempSync(join(tmpdir(), 'vitals-bundles-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every extension point's entry file, with the folder HubSpot builds it from. */
const entrypoints = ['cards', 'pages'].flatMap((folder) => {
  const root = join(APP, folder);
  return readdirSync(root)
    .filter((f) => f.endsWith('-hsmeta.json'))
    .map((f) => {
      const meta = JSON.parse(readFileSync(join(root, f), 'utf8')) as {
        config: { entrypoint: string };
      };
      return { folder, root, entryPoint: basename(meta.config.entrypoint) };
    });
});

it('finds the cards and the app pages', () => {
  expect(entrypoints.map((e) => `${e.folder}/${e.entryPoint}`).sort()).toEqual([
    'cards/CompanyHealthCard.tsx',
    'cards/CompanyHealthSidebar.tsx',
    'pages/AppPages.tsx',
  ]);
});

// What HubSpot's build runs on `hs project upload`: an extension that does not bundle here fails
// there. Each builds from its own folder only, as HubSpot builds it.
describe.each(entrypoints)(
  'the entry point $folder/$entryPoint',
  ({ folder, root, entryPoint }) => {
    it('builds with HubSpot’s remote build, self-contained and within the size budget', async () => {
      const dir = join(out, folder, entryPoint);
      await remoteBuild({ root, entryPoint, outputDir: dir, logLevel: 'silent' });
      const bundle = join(dir, entryPoint.replace(/\.tsx?$/, '.js'));
      const size = statSync(bundle).size;
      console.info(`${folder}/${entryPoint}: ${(size / 1024).toFixed(1)} KiB bundled`);
      expect(size).toBeGreaterThan(1_000);
      expect(size).toBeLessThan(BUDGET_BYTES);
      const code = readFileSync(bundle, 'utf8');
      // Nothing of the Node service may reach the extension: it runs in HubSpot's sandboxed worker.
      for (const server of ['better-sqlite3', 'express', 'node:fs', 'pino'])
        expect(code, server).not.toContain(server);
    });
  },
);

// HubSpot's no-parent-imports rule: files outside an extension point's folder are not uploaded
// with it, so an import that leaves the folder works locally and fails in HubSpot.
describe.each(['cards', 'pages'])('the %s folder', (folder) => {
  it('imports nothing from outside itself', () => {
    const root = join(APP, folder);
    const escapes = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !file.includes('node_modules'))
      .flatMap((file) => {
        const code = readFileSync(join(root, file), 'utf8');
        return [...code.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
          .map((match) => match[1]!)
          .filter((spec) =>
            relative(root, resolve(dirname(join(root, file)), spec)).startsWith('..'),
          )
          .map((spec) => `${file}: ${spec}`);
      });
    expect(escapes).toEqual([]);
  });
});
