import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { remoteBuild } from '@hubspot/ui-extensions-dev-server/build';
import { afterAll, describe, expect, it } from 'vitest';

const CARDS = new URL('../../../extensions/app/cards/', import.meta.url).pathname;
/** A card is fetched by every CRM record page that shows it: keep it light. */
const BUDGET_BYTES = 300_000;
const out = mkdtempSync(join(tmpdir(), 'vitals-cards-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const entrypoints = readdirSync(CARDS)
  .filter((f) => f.endsWith('-hsmeta.json'))
  .map((f) => {
    const meta = JSON.parse(readFileSync(join(CARDS, f), 'utf8')) as {
      config: { entrypoint: string };
    };
    return basename(meta.config.entrypoint);
  });

// What HubSpot's build runs on `hs project upload`: a card that does not bundle here fails there.
describe.each(entrypoints)('the card entry point %s', (entryPoint) => {
  it('builds with HubSpot’s remote build, self-contained and within the size budget', async () => {
    const dir = join(out, entryPoint);
    await remoteBuild({ root: CARDS, entryPoint, outputDir: dir, logLevel: 'silent' });
    const bundle = join(dir, entryPoint.replace(/\.tsx?$/, '.js'));
    const size = statSync(bundle).size;
    console.info(`${entryPoint}: ${(size / 1024).toFixed(1)} KiB bundled`);
    expect(size).toBeGreaterThan(1_000);
    expect(size).toBeLessThan(BUDGET_BYTES);
    const code = readFileSync(bundle, 'utf8');
    // Nothing of the Node service may reach the card: it runs in HubSpot's sandboxed worker.
    for (const server of ['better-sqlite3', 'express', 'node:fs', 'pino'])
      expect(code, server).not.toContain(server);
  });
});
