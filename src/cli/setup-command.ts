import type { App } from '../app/open-app.ts';
import { isUnreachable, unreachableMessage } from '../app/hubspot-unreachable.ts';
import { setupPortal, type SetupReport } from '../jobs/setup-portal.ts';
import { explainAppError, openAppOrExplain } from './app-errors.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { Io } from './process-io.ts';

/** `vitals setup`: creates the health properties once and checks the mapping and the token. */
export async function setupCommand(options: { dryRun?: boolean }, io: Io): Promise<number> {
  const app = await openAppOrExplain();
  try {
    io.out(`${app.connection.description}\n`);
    const dryRun = options.dryRun ?? false;
    const report = await setUp(app, dryRun);
    if (report.created.length === 0)
      io.out(
        'Nothing to change: the "Customer health" group and its properties are already there.\n',
      );
    for (const item of report.created) io.out(`${dryRun ? 'Would create' : 'Created'} ${item}\n`);
    for (const conflict of report.conflicts)
      io.err(
        `Conflict: ${conflict}. Rename or delete that property in HubSpot, then run setup again.\n`,
      );
    for (const m of report.missingProperties) {
      const hint = m.closest ? ` Did you mean "${m.closest}"?` : '';
      io.err(
        `The signal mapping reads the ${m.object} property "${m.name}", which this portal does not have.${hint} Fix the mapping in your config.\n`,
      );
    }
    if (report.missingScopes.length > 0) {
      io.err(
        `The access token lacks these scopes: ${report.missingScopes.join(', ')}. Add them to the private app and update HUBSPOT_ACCESS_TOKEN.\n`,
      );
    }
    const problems =
      report.conflicts.length + report.missingProperties.length + report.missingScopes.length;
    return problems === 0 ? EXIT.ok : EXIT.rejected;
  } finally {
    await app.close();
  }
}

async function setUp(app: App, dryRun: boolean): Promise<SetupReport> {
  try {
    return await setupPortal(app.connection.gateway, app.config, { dryRun });
  } catch (error) {
    // Part of the properties may exist by now; setup creates only what is missing, so again is safe.
    if (isUnreachable(error))
      throw new CliError(
        unreachableMessage(
          app.connection.source === 'hubspot' ? app.config.hubspot.baseUrl : null,
          error,
          'run `vitals setup` again once it answers: it creates only what is still missing.',
        ),
        EXIT.rejected,
      );
    throw explainAppError(error);
  }
}
