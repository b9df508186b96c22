import { checkPublicUrl } from '../app/check-public-url.ts';
import { configureProject } from '../app/configure-project.ts';
import { ProjectFileError } from '../app/project-file-error.ts';
import { PROJECT_DIR, projectFiles } from '../app/project-files.ts';
import { activeSubscriptionKeys, webhookSubscriptions } from '../app/webhook-subscriptions.ts';
import { ConfigError } from '../config/config-error.ts';
import { loadConfig } from '../config/load-config.ts';
import type { Env } from '../config/read-env.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { Io } from './process-io.ts';

export interface AppConfigureOptions {
  publicUrl: string;
  /** Where hsproject.json is; default this repository. */
  projectDir?: string;
}

export const APP_CONFIGURE_HELP = `
Writes the URL into extensions/app/app-hsmeta.json (permittedUrls.fetch), the cards' and the
app pages' SERVICE_URL, the webhooks' targetUrl (URL/webhooks/hubspot) and local.json.example (and
local.json when you have one), and the webhook subscriptions from the config: every property
the config reads. Needs only the config: no portal is contacted. Run it again after changing
the signal mapping or the plays' properties, then \`hs project upload\`.

Example:
  vitals app configure --public-url https://vitals.acme.com`;

/** `vitals app configure`: points the HubSpot project at the service and writes its webhooks. */
export function appConfigureCommand(options: AppConfigureOptions, io: Io, env?: Env): number {
  const checked = checkPublicUrl(options.publicUrl);
  if (!checked.ok) throw new CliError(checked.problem);
  const files = projectFiles(options.projectDir ?? PROJECT_DIR);
  if (files === null)
    throw new CliError(
      `No hsproject.json in ${options.projectDir ?? PROJECT_DIR}: run this in the Vitals folder.`,
    );
  const config = loadCliConfig(env);
  const subscriptions = webhookSubscriptions(config);
  let results;
  try {
    results = configureProject(files, checked.url, subscriptions);
  } catch (error) {
    if (error instanceof ProjectFileError) throw new CliError(error.message);
    throw error;
  }
  const count = activeSubscriptionKeys(subscriptions).length;
  if (results.every((r) => r.changes.length === 0)) {
    io.out(
      `Nothing to change: the HubSpot project already uses ${checked.url}, and its ${count} webhook subscriptions match the config.\n`,
    );
    return EXIT.ok;
  }
  io.out(`The HubSpot project now uses ${checked.url} (${count} webhook subscriptions):\n`);
  for (const { file, changes } of results) {
    io.out(`  ${file}: ${changes.length === 0 ? 'unchanged' : changes.join('; ')}\n`);
  }
  if (checked.local)
    io.out(
      `Note: HubSpot refuses localhost in permittedUrls and the webhooks' targetUrl, so upload only with your public https URL.\n`,
    );
  if (config.server.publicUrl !== null && config.server.publicUrl !== checked.url)
    io.err(
      `VITALS_PUBLIC_URL is ${config.server.publicUrl}: start the service with VITALS_PUBLIC_URL=${checked.url}, or HubSpot's signatures will not match.\n`,
    );
  io.out(
    `Next: \`hs project upload\`, and run the service with VITALS_PUBLIC_URL=${checked.url}.\n`,
  );
  return EXIT.ok;
}

function loadCliConfig(env: Env | undefined) {
  try {
    return loadConfig({ env });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}
