import type { RunRecord, RunSource, Store } from '../store/store.ts';
import { CliError, EXIT } from './cli-error.ts';

/** How many recent runs are looked through for the portal's last completed one. */
const RUNS_LOOKED_AT = 200;

/**
 * The portal whose records the reports read, and the run that last completed on it, found in the
 * store without calling HubSpot: the latest completed run from this kind of portal (a token reads
 * your HubSpot portal's, no token the sandbox's). Says what to run when there is none yet.
 */
export async function reportPortal(
  store: Pick<Store, 'listRuns'>,
  source: RunSource,
): Promise<RunRecord> {
  const runs = (await store.listRuns({ limit: RUNS_LOOKED_AT })).filter(
    (r) => r.source === source && !r.dryRun,
  );
  const done = runs.find((r) => r.status === 'completed');
  const where = source === 'sandbox' ? 'the sandbox demo portal' : 'your HubSpot portal';
  if (!done) {
    const started = runs[0];
    const so = started?.progress.companies ?? 0;
    const why = !started
      ? `No run has scored ${where} yet`
      : started.status === 'running'
        ? `The first run on ${where} has not finished yet (${so} companies so far)`
        : `The first run on ${where} stopped after ${so} companies`;
    throw new CliError(
      `${why}, so there is nothing to report: run \`vitals run --once\` (or \`vitals start\`), then ask again. Reports read what runs saved and never call HubSpot.`,
      EXIT.rejected,
    );
  }
  return done;
}

/** A run read companies but the store has no facts of them: an older Vitals made that run. */
export function checkAccounts(accounts: number, run: RunRecord): void {
  if (accounts > 0 || run.progress.companies === 0) return;
  const where = run.source === 'sandbox' ? 'the sandbox demo portal' : 'your HubSpot portal';
  throw new CliError(
    `The last run on ${where} was made by a Vitals without reports, which kept no list of accounts: run \`vitals run --once\` once more, then ask again.`,
    EXIT.rejected,
  );
}
