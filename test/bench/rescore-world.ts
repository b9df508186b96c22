import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupPortal } from '../../src/jobs/setup-portal.ts';
import { startSandbox } from '../../src/sandbox/start-sandbox.ts';
import { benchConfig, benchGateway, NO_WAITS } from './rescore-client.ts';

// The portal's side of a bench pass: temp directories and the sandbox that serves them.

/** A sandbox limit no pass comes near, for figures that are not about the rate limit. */
export const UNLIMITED = 1_000_000;
/**
 * The sandbox's seed and "today", fixed so every machine rescans the same portal. No usage
 * history: a pass reads none, and two years of it for 100,000 companies would only slow seeding.
 */
export const PORTAL = { seed: 20_261_116, referenceDate: '2026-11-16', historyMonths: 0 } as const;

/** A temp directory for one measurement; remove() deletes it with everything in it. */
export function tempDir(label: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `vitals-bench-${label}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Seeds a sandbox portal of `companies` under `sandboxDir` and creates the health properties, on
 * a server that is then closed: the pass starts on a fresh server whose rate window holds nothing.
 */
export async function preparePortal(sandboxDir: string, companies: number): Promise<void> {
  const sandbox = await startSandbox({
    dataDir: sandboxDir,
    companies,
    ...PORTAL,
    rateLimit: { per10s: UNLIMITED },
  });
  try {
    const config = benchConfig(sandboxDir, 250);
    await setupPortal(benchGateway(sandbox, config, { headroom: NO_WAITS }), config, {
      dryRun: false,
    });
  } finally {
    await sandbox.close();
  }
}

/** Serves a portal that preparePortal made, with the given limit per 10 s. */
export function servePortal(sandboxDir: string, companies: number, per10s: number) {
  return startSandbox({ dataDir: sandboxDir, companies, ...PORTAL, rateLimit: { per10s } });
}
