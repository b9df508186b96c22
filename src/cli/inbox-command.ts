import { explainAppError, openAppOrExplain } from './app-errors.ts';
import { CliError, EXIT } from './cli-error.ts';
import { inboxReport, renderInbox } from './inbox-text.ts';
import type { Io } from './process-io.ts';

const SHOWN = 50;

/** `vitals inbox [--json]`: what the webhook inbox holds, counts first. Writes nothing. */
export async function inboxCommand(options: { json?: boolean }, io: Io): Promise<number> {
  const app = await openAppOrExplain();
  try {
    const { store } = app;
    const portal = app.connection.portal;
    const report = inboxReport(
      await store.inboxCounts(portal),
      await store.listInbox(portal, { limit: SHOWN }),
    );
    io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderInbox(report));
    return EXIT.ok;
  } catch (error) {
    throw explainAppError(error);
  } finally {
    await app.close();
  }
}

/** `vitals inbox retry ID|--dead`: failed or dead events back in line for the worker. */
export async function inboxRetryCommand(
  eventId: string | undefined,
  options: { dead?: boolean },
  io: Io,
): Promise<number> {
  if ((eventId === undefined) === (options.dead !== true))
    throw new CliError(
      'Name one event to retry (`vitals inbox retry 1234`, its id from `vitals inbox`), or give --dead to retry every dead event; not both.',
    );
  const app = await openAppOrExplain();
  try {
    const moved = await app.store.retryEvents(app.connection.portal, eventId ? [eventId] : 'dead');
    if (eventId && moved === 0)
      throw new CliError(
        `Event ${eventId} is not failed or dead in this portal's inbox, so there is nothing to retry. \`vitals inbox\` lists the events and their states.`,
      );
    io.out(
      `${moved} event${moved === 1 ? '' : 's'} back in line: the worker of \`vitals serve\` or \`vitals start\` processes ${moved === 1 ? 'it' : 'them'} next.\n`,
    );
    return EXIT.ok;
  } catch (error) {
    throw explainAppError(error);
  } finally {
    await app.close();
  }
}
