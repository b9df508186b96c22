import cron from 'node-cron';
import { RunInProgressError } from '../jobs/run-rescore.ts';
import { StoreError } from '../store/store-error.ts';
import type { App } from '../app/open-app.ts';
import { orphanedRun } from '../jobs/orphaned-run.ts';
import { runRescore, type RescoreSummary } from '../jobs/run-rescore.ts';
import { isSetUp, setupPortal } from '../jobs/setup-portal.ts';
import { CliError, EXIT } from './cli-error.ts';
import { printRunSummary } from './print-run-summary.ts';
import type { Io } from './process-io.ts';
import { printPlayPlan } from './print-play-plan.ts';
import { printPlaysOutcome } from './print-plays-outcome.ts';
import { progressReporter } from './progress-reporter.ts';
import { runSummaryJson } from './run-summary-json.ts';
import { cardApiBeside } from './serve-command.ts';
import { appRescoreDeps } from './app-rescore-deps.ts';
import { explainAppError, openAppOrExplain } from './app-errors.ts';

export interface RunOptions {
  once?: boolean;
  dryRun?: boolean;
  json?: boolean;
  /** `vitals start`: after the first run, also serve the card API when it can start. */
  serve?: boolean;
}

/** `vitals run`: one full rescore now, then (without --once) again on the configured schedule. */
export async function runCommand(options: RunOptions, io: Io): Promise<number> {
  const app = await openAppOrExplain({ serve: options.serve === true });
  // With --json, stdout carries the summary alone: everything else goes to stderr.
  const say = options.json ? io.err : io.out;
  say(`${app.connection.description}\n`);
  try {
    const summary = await firstRun(app, options, io, say);
    if (summary) report(summary, app, options, io);
    if (options.once) return EXIT.ok;
    const api = options.serve ? await cardApiBeside(app, io, say) : null;
    try {
      await keepRunning(app, options, io, say);
    } finally {
      await api?.close();
    }
    return EXIT.ok;
  } catch (error) {
    throw explainAppError(error);
  } finally {
    // Also on failure: an open sandbox server would otherwise keep the process alive.
    await app.close();
  }
}

/**
 * The first run. Another process holding the run lock stops `--once` (exit 1); a process that
 * stays up (another replica is running the pass) leaves it to that one and takes its turn on the
 * schedule.
 */
async function firstRun(
  app: App,
  options: RunOptions,
  io: Io,
  say: (text: string) => void,
): Promise<RescoreSummary | null> {
  try {
    // Set up holding the run's lock: two runs started at once never both create the properties.
    return await rescoreOnce(app, options, io, () => ensureSetUp(app, say));
  } catch (error) {
    if (options.once || !(error instanceof RunInProgressError)) throw error;
    io.err(`${scheduledRunFailure(error)}\n`);
    return null;
  }
}

async function ensureSetUp(app: App, say: (text: string) => void): Promise<void> {
  const properties = await app.connection.gateway.listProperties('companies');
  if (isSetUp(properties, app.config)) return;
  if (app.connection.source === 'hubspot') {
    throw new CliError(
      'This portal has no "Customer health" properties yet, so a run has nowhere to write. Run `vitals setup` first.',
    );
  }
  const report = await setupPortal(app.connection.gateway, app.config, { dryRun: false });
  if (report.created.length > 0) say(`Set up the sandbox portal: ${report.created.join(', ')}.\n`);
}

async function rescoreOnce(
  app: App,
  options: RunOptions,
  io: Io,
  setUp?: () => Promise<void>,
): Promise<RescoreSummary> {
  const progress = progressReporter({ write: io.err, isTTY: io.errIsTTY }, await lastRunSize(app));
  try {
    const summary = await runRescore(
      {
        ...appRescoreDeps(app),
        onProgress: (p) => progress.update(p),
        ...(setUp ? { setUp } : {}),
      },
      { dryRun: options.dryRun ?? app.config.dryRun },
    );
    progress.finish('completed');
    return summary;
  } catch (error) {
    progress.finish('failed', (error as Error).message);
    throw error;
  }
}

/** Companies in the portal at the last completed run: the progress bar's ETA is based on it. */
async function lastRunSize(app: App): Promise<number | null> {
  const runs = await app.store.listRuns({ portal: app.connection.portal, limit: 10 });
  const done = runs.find((r) => r.status === 'completed' && !r.dryRun);
  return done ? done.progress.companies : null;
}

function report(summary: RescoreSummary, app: App, options: RunOptions, io: Io): void {
  if (!options.json) {
    const tiers = [...app.model.model.tiers, { key: 'unknown', label: 'No data' }];
    printRunSummary(summary, new Map(tiers.map((t) => [t.key, t.label])), io);
    if (summary.dryRun) printPlayPlan(summary, io);
    else printPlaysOutcome(summary.plays, io, summary.baseline);
    return;
  }
  io.out(`${runSummaryJson(summary)}\n`);
}

async function keepRunning(
  app: App,
  options: RunOptions,
  io: Io,
  say: (text: string) => void,
): Promise<void> {
  const { cron: expression, timezone } = app.config.schedule;
  // Listening before saying so: a stop sent the moment the line appears still closes cleanly.
  const stopped = new Promise<void>((resolve) =>
    process.once('SIGINT', resolve).once('SIGTERM', resolve),
  );
  say(
    `Next runs on the schedule "${expression}"${timezone ? ` (${timezone})` : ''}. Press Ctrl+C to stop.\n`,
  );
  // One run at a time in this process, whether the schedule or the orphan watch starts it.
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        report(await rescoreOnce(app, options, io), app, options, io);
      } catch (error) {
        io.err(`${scheduledRunFailure(error)}\n`);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const task = cron.schedule(expression, tick, {
    timezone: timezone ?? undefined,
    noOverlap: true,
  });
  // Another process may have died mid-run (a redeploy, a crash): once its lease is free, carry
  // the run on from its cursor instead of waiting for the next scheduled time.
  const watch = setInterval(() => {
    if (running) return;
    orphanedRun(app.store, {
      portal: app.connection.portal,
      source: app.connection.source,
      dryRun: options.dryRun ?? app.config.dryRun,
      now: new Date(),
    })
      .then((orphaned) => (orphaned ? tick() : undefined))
      .catch((error: unknown) =>
        io.err(`Checking for an unfinished run failed: ${String(error)}\n`),
      );
  }, ORPHAN_CHECK_MS);
  watch.unref();
  await stopped;
  clearInterval(watch);
  await task.stop();
}

/** How often a scheduled process looks for a run another process left unfinished. */
export const ORPHAN_CHECK_MS = 30_000;

/**
 * What a replica says when its tick does not run: with several replicas on one database, one
 * runs each tick and the others say so, which is no failure.
 */
function scheduledRunFailure(error: unknown): string {
  if (error instanceof RunInProgressError)
    return 'Left this scheduled run to another Vitals process, which holds the run lock.';
  if (error instanceof StoreError && error.code === 'lease-lost')
    return 'Stopped this scheduled run: another Vitals process took it over while this one was stalled, and carries on from the last saved page.';
  return `The scheduled run failed: ${explainAppError(error).message}`;
}
