import { pino } from 'pino';
import type { App } from '../app/open-app.ts';
import type { Config } from '../config/config.ts';
import { isSetUp, setupPortal } from '../jobs/setup-portal.ts';
import { startInboxWorker } from '../jobs/inbox-worker.ts';
import { leaseHolderId } from '../jobs/lease-holder.ts';
import { runRescore } from '../jobs/run-rescore.ts';
import { startServer, type RunningServer } from '../server/start-server.ts';
import { appRescoreDeps } from './app-rescore-deps.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { Io } from './process-io.ts';
import { runPlaysSettings } from './run-plays-settings.ts';
import { explainAppError, loadConfigOrExplain, openAppOrExplain } from './app-errors.ts';

/** `vitals serve`: the card API alone, until Ctrl+C (SIGINT) or SIGTERM. */
export async function serveCommand(io: Io): Promise<number> {
  const off = cardApiOff(loadConfigOrExplain());
  if (off) throw new CliError(`The card API cannot start: ${off}`);
  const app = await openAppOrExplain();
  io.out(`${app.connection.description}\n`);
  try {
    await checkSetUp(app, io.out);
    const server = await startCardApi(app, io).catch((error: unknown) => {
      // The port is taken or not allowed: the message says what to change.
      throw error instanceof CliError ? error : new CliError((error as Error).message);
    });
    // Listening for the signals before saying so: a stop sent on that line is never missed.
    const stopped = new Promise<void>((resolve) =>
      process.once('SIGINT', resolve).once('SIGTERM', resolve),
    );
    io.out(`${listening(server, app.config)} Press Ctrl+C to stop.\n`);
    await stopped;
    await server.close();
    return EXIT.ok;
  } catch (error) {
    throw explainAppError(error);
  } finally {
    await app.close();
  }
}

/** Why the card API cannot run with this config, naming the variables to set; null when it can. */
export function cardApiOff(config: Config): string | null {
  const missing = [
    config.hubspot.clientSecret ? null : 'HUBSPOT_CLIENT_SECRET',
    config.server.publicUrl ? null : 'VITALS_PUBLIC_URL',
  ].filter((name) => name !== null);
  if (missing.length === 0) return null;
  const sandbox =
    config.hubspot.mode === 'sandbox'
      ? ' With the sandbox portal any secret will do, as long as whatever signs the requests uses the same one.'
      : '';
  return `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set. Set HUBSPOT_CLIENT_SECRET to your HubSpot app's client secret (every card request is signed with it) and VITALS_PUBLIC_URL to the https origin HubSpot reaches this service at, like https://vitals.example.com.${sandbox}`;
}

/** Starts the card API on the app's store, portal and gateway, logging JSON lines to stderr. */
export async function startCardApi(app: App, io: Io): Promise<RunningServer> {
  const { clientSecret } = app.config.hubspot;
  const { publicUrl, port } = app.config.server;
  if (!clientSecret || !publicUrl) throw new CliError(cardApiOff(app.config)!);
  const log = pino(
    { base: { name: 'vitals-card-api' }, timestamp: pino.stdTimeFunctions.isoTime },
    { write: (line: string) => io.err(line) },
  );
  const plays = app.config.playsMapping.enabled ? runPlaysSettings(app) : null;
  // Webhook events go to the inbox first; this worker drains it (and what a restart left there).
  const worker = startInboxWorker(
    {
      gateway: app.connection.gateway,
      store: app.store,
      mapping: app.config,
      model: app.model,
      portal: app.connection.portal,
      plays: plays ?? undefined,
      now: () => new Date(),
      // Other replicas on the same store drain it too: what this one takes is claimed.
      claimer: leaseHolderId(),
      // A backlog too big for the worker: one full pass, as the schedule would run it.
      runFull: () => runRescore(appRescoreDeps(app), { dryRun: app.config.dryRun }),
    },
    log,
  );
  const server = await startServer(
    {
      store: app.store,
      portal: app.connection.portal,
      gateway: app.connection.gateway,
      config: app.config,
      model: app.model,
      plays,
      clientSecret,
      publicUrl,
      uiDomain: app.connection.uiDomain,
      log,
      onWebhookEvents: () => worker.wake(),
    },
    { port },
  ).catch(async (error: unknown) => {
    await worker.stop();
    throw error;
  });
  return {
    ...server,
    close: async () => {
      await server.close();
      await worker.stop();
    },
  };
}

/** The card API beside the schedule; when it cannot start, one line says why and runs go on. */
export async function cardApiBeside(
  app: App,
  io: Io,
  say: (text: string) => void,
): Promise<RunningServer | null> {
  const off = cardApiOff(app.config);
  if (off) {
    say('The card API is off: set HUBSPOT_CLIENT_SECRET and VITALS_PUBLIC_URL to serve it.\n');
    return null;
  }
  try {
    const server = await startCardApi(app, io);
    say(`${listening(server, app.config)}\n`);
    if (app.connection.source === 'sandbox')
      say(
        'The sandbox portal sends its webhooks here: in another terminal, `npx vitals sandbox change COMPANY_ID property=value` edits a company as a CSM would (a CONTACT_ID edits a contact; `npx vitals sandbox associate|dissociate COMPANY_ID CONTACT_ID` links or unlinks one), and the score moves within seconds.\n',
      );
    return server;
  } catch (error) {
    say(`The card API did not start: ${(error as Error).message}\n`);
    if (app.connection.source === 'sandbox')
      say(
        `Without it the sandbox's webhooks have nowhere to go, so scores move only on scheduled runs: set PORT to a free port (it is ${app.config.server.port}) and start again.\n`,
      );
    return null;
  }
}

function listening(server: RunningServer, config: Config): string {
  return `Card API listening on ${server.url}, serving HubSpot at ${config.server.publicUrl}.`;
}

/** The sandbox sets itself up as a run would; a real portal is only told what is missing. */
async function checkSetUp(app: App, say: (text: string) => void): Promise<void> {
  const properties = await app.connection.gateway.listProperties('companies');
  if (isSetUp(properties, app.config)) return;
  if (app.connection.source === 'hubspot') {
    say(
      'This portal has no "Customer health" properties yet: cards show what runs saved, but "Score now" cannot write until you run `vitals setup`.\n',
    );
    return;
  }
  const report = await setupPortal(app.connection.gateway, app.config, { dryRun: false });
  say(`Set up the sandbox portal: ${report.created.join(', ')}.\n`);
}
