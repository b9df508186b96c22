import { renderJson } from '../brief/render-json.ts';
import { renderMarkdown } from '../brief/render-markdown.ts';
import { companyBrief } from '../jobs/company-brief.ts';
import { readCompany } from '../jobs/read-company.ts';
import { explainAppError, openAppOrExplain } from './app-errors.ts';
import { CliError, EXIT } from './cli-error.ts';
import { companyIdArgument, noSuchCompany } from './company-id-argument.ts';
import type { Io } from './process-io.ts';
import { runPlaysSettings } from './run-plays-settings.ts';

const FORMATS = ['markdown', 'json'] as const;

/**
 * `vitals brief COMPANY_ID [--format markdown|json]`: the QBR prep brief of one company, the
 * same one a run writes on its timeline two weeks before a QBR. Reads the portal and the store;
 * writes nothing anywhere.
 */
export async function briefCommand(
  companyId: string,
  options: { format?: string },
  io: Io,
): Promise<number> {
  const id = companyIdArgument(companyId);
  const format = options.format ?? 'markdown';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new CliError(
      `--format ${JSON.stringify(format)} is not a format of the brief: use --format markdown (to read) or --format json (for a program).`,
    );
  const app = await openAppOrExplain();
  io.err(`${app.connection.description}\n`);
  try {
    const brief = await companyBrief(id, {
      readCompany: (companyId, properties) =>
        readCompany(app.connection.gateway, companyId, properties),
      gateway: app.connection.gateway,
      store: app.store,
      mapping: app.config,
      model: app.model,
      plays: runPlaysSettings(app),
      portal: app.connection.portal,
      now: new Date(),
      warn: (message) => io.err(`${message}\n`),
    });
    if (!brief) throw noSuchCompany(id, app.connection.source, '`vitals doctor` says');
    io.out(format === 'json' ? `${renderJson(brief)}\n` : renderMarkdown(brief));
    return EXIT.ok;
  } catch (error) {
    throw explainAppError(error);
  } finally {
    await app.close();
  }
}
