import type { AdoptionReport } from '../jobs/adopt-open-tasks.ts';
import { rebuildStore } from '../jobs/rebuild-store.ts';
import { appRescoreDeps } from './app-rescore-deps.ts';
import { explainAppError, openAppOrExplain } from './app-errors.ts';
import { EXIT } from './cli-error.ts';
import type { Io } from './process-io.ts';

export const STORE_REBUILD_HELP = `
For a store that was emptied, deleted or replaced (a redeploy without its volume). A run on such
a store does the same by itself before anything else; this does it on demand, holding the run's
lock. Finds the portal's open Vitals tasks by the reference on their last line and makes each its
account's task again, so the next change updates it instead of making a second one.

Exit status: 0 when done, 1 when a run holds the lock or HubSpot refuses.`;

/**
 * `vitals store rebuild`: after the store was lost or replaced, takes the open tasks Vitals made
 * in the portal back into it, so no run makes them again.
 */
export async function storeRebuildCommand(io: Io): Promise<number> {
  const app = await openAppOrExplain();
  io.out(`${app.connection.description}\n`);
  try {
    const deps = appRescoreDeps(app);
    if (!deps.plays) {
      io.out(
        'Plays are off (plays.enabled: false): Vitals makes no tasks, so there is nothing to take over.\n',
      );
      return EXIT.ok;
    }
    const report = await rebuildStore({ ...deps, plays: deps.plays });
    io.out(rebuildText(report));
    return EXIT.ok;
  } catch (error) {
    throw explainAppError(error);
  } finally {
    await app.close();
  }
}

function rebuildText(report: AdoptionReport): string {
  const tasks = (n: number) => `${n} open Vitals task${n === 1 ? '' : 's'}`;
  const lines = [
    report.tasks === 0
      ? 'Found no open Vitals task that the store does not already know.'
      : `Took ${tasks(report.tasks)} into the store: later changes update ${report.tasks === 1 ? 'it' : 'them'} instead of making new ones.`,
  ];
  if (report.leftAlone > 0)
    lines.push(
      `Left ${tasks(report.leftAlone)} as they are: the store knows them already, or each is a second task of the same account and track, or its account or track cannot be told.`,
    );
  lines.push(
    'No contact is enrolled twice: the next run looks at what sequence each contact is in before enrolling it.',
  );
  return `${lines.join('\n')}\n`;
}
