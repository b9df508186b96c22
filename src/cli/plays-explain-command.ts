import { explainCompanyPlays } from '../jobs/explain-company-plays.ts';
import { readCompany } from '../jobs/read-company.ts';
import { EXIT } from './cli-error.ts';
import { companyIdArgument, noSuchCompany } from './company-id-argument.ts';
import { renderPlaysExplain } from './plays-explain-text.ts';
import { runPlaysSettings } from './run-plays-settings.ts';
import type { Io } from './process-io.ts';
import { explainAppError, openAppOrExplain } from './app-errors.ts';

/**
 * `vitals plays explain COMPANY_ID`: one company through the plays as a run would take it, and
 * what the ledger already holds. Reads the portal and the store; writes nothing anywhere.
 */
export async function playsExplainCommand(
  companyId: string,
  options: { json?: boolean },
  io: Io,
): Promise<number> {
  const id = companyIdArgument(companyId);
  const app = await openAppOrExplain();
  const say = options.json ? io.err : io.out;
  say(`${app.connection.description}\n`);
  try {
    const report = await explainCompanyPlays(id, {
      readCompany: (companyId, properties) =>
        readCompany(app.connection.gateway, companyId, properties),
      gateway: app.connection.gateway,
      store: app.store,
      mapping: app.config,
      model: app.model,
      plays: runPlaysSettings(app),
      portal: app.connection.portal,
      now: new Date(),
    });
    if (!report)
      throw noSuchCompany(id, app.connection.source, '`vitals run` and `vitals doctor` say');
    if (!app.config.playsMapping.enabled)
      say('Plays are switched off (plays.enabled: false): runs take none of these actions.\n\n');
    io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderPlaysExplain(report));
    return EXIT.ok;
  } catch (error) {
    throw explainAppError(error);
  } finally {
    await app.close();
  }
}
