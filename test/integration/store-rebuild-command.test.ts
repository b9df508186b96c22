import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../src/store/open-sqlite-store.ts';
import { runCli } from '../support/run-cli.ts';

// The sandbox's search shows a write 2 to 5 s after it; a lost volume is noticed later than that.
const SEARCH_CATCHES_UP_MS = 5_500;

/** The store's file and its WAL, gone, as after a redeploy without the volume. */
function loseStore(dataDir: string): void {
  for (const suffix of ['', '-wal', '-shm'])
    rmSync(join(dataDir, `${SQLITE_FILE_NAME}${suffix}`), { force: true });
}

describe('after the store was lost', () => {
  it('a run says in one line what it took over, and `vitals store rebuild` does it on demand', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vitals-rebuild-'));
    // The clock stays real here: the sandbox's search lag is counted on it.
    const vitals = (args: string[]) => runCli(args, { env: { VITALS_DATA_DIR: dataDir } });
    const first = JSON.parse((await vitals(['run', '--once', '--json'])).stdout);
    expect(first.tasksCreated).toBeGreaterThan(0);
    await delay(SEARCH_CATCHES_UP_MS);

    loseStore(dataDir);
    const again = await vitals(['run', '--once']);
    expect(again.code).toBe(0);
    const took = again.stdout.match(/^The store had no record of Vitals' work in this portal.*$/gm);
    expect(took).toHaveLength(1);
    expect(took![0]).toContain(`${first.tasksCreated} open tasks`);
    expect(again.stdout).toMatch(/^Plays: 0 tasks created, /m);

    loseStore(dataDir);
    const rebuilt = await vitals(['store', 'rebuild']);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toContain(`Took ${first.tasksCreated} open Vitals tasks into the store`);
    const twice = await vitals(['store', 'rebuild']);
    expect(twice.stdout).toContain(
      'Found no open Vitals task that the store does not already know.',
    );
  }, 120_000);
});
