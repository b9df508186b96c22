import {
  HubSpotUnreachableError,
  isUnreachable,
  unreachableMessage,
} from '../app/hubspot-unreachable.ts';
import { openApp, type App } from '../app/open-app.ts';
import type { Config } from '../config/config.ts';
import { ConfigError } from '../config/config-error.ts';
import { loadConfig } from '../config/load-config.ts';
import { unmappedSignals } from '../config/unmapped-signals.ts';
import { HubSpotError } from '../hubspot/hubspot-error.ts';
import { setupPortal } from '../jobs/setup-portal.ts';
import { explainAppError } from './app-errors.ts';
import { EXIT } from './cli-error.ts';
import { databaseCheck, type Check } from './database-check.ts';
import { playsDoctorCheck } from './plays-doctor-check.ts';
import { projectDoctorCheck } from './project-doctor-check.ts';
import type { Io } from './process-io.ts';

/** `vitals doctor`: one screen of what works and what does not, each failure with its fix. */
export async function doctorCommand(io: Io): Promise<number> {
  const checks = await doctorChecks();
  print(checks, io);
  return checks.every((c) => c.ok) ? EXIT.ok : EXIT.rejected;
}

/** Config, then database, then the portal: each step only when the one before it works. */
async function doctorChecks(): Promise<Check[]> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return [configFailure(error)];
    throw error;
  }
  const checks = [configCheck(config), await databaseCheck(config)];
  if (!checks.every((c) => c.ok)) return checks;
  let app: App;
  try {
    app = await openApp();
  } catch (error) {
    return [...checks, portalFailure(error)];
  }
  try {
    return [...checks, ...(await portalChecks(app))];
  } finally {
    await app.close();
  }
}

function configFailure(error: ConfigError): Check {
  // A bad variable is no fault of the file: name the place the user has to look.
  const fromEnv = error.envIssues.length === error.issues.length;
  return { name: fromEnv ? 'environment' : 'config', ok: false, detail: error.message };
}

function configCheck(config: Config): Check {
  return {
    name: 'config',
    ok: true,
    detail: config.file ?? 'no config file: the built-in defaults (see vitals.config.example.yaml)',
  };
}

function portalFailure(error: unknown): Check {
  if (error instanceof HubSpotUnreachableError || error instanceof HubSpotError)
    return { name: 'HubSpot', ok: false, detail: error.message };
  throw explainAppError(error);
}

async function portalChecks(app: App): Promise<Check[]> {
  const checks: Check[] = [
    { name: 'portal', ok: true, detail: app.connection.description },
    { name: 'HubSpot project', ...projectDoctorCheck(app.config) },
  ];
  try {
    const report = await setupPortal(app.connection.gateway, app.config, { dryRun: true });
    const missing = report.missingProperties.map(
      (m) => `${m.object}.${m.name}${m.closest ? ` (did you mean ${m.closest}?)` : ''}`,
    );
    const unmapped = unmappedSignals(app.config);
    checks.push(
      {
        name: 'token scopes',
        ok: report.missingScopes.length === 0,
        detail:
          report.missingScopes.length === 0
            ? 'all there'
            : `missing ${report.missingScopes.join(', ')}: add them to the private app`,
      },
      {
        name: 'health properties',
        ok: report.created.length === 0 && report.conflicts.length === 0,
        detail:
          report.created.length > 0
            ? 'not created yet: run `vitals setup`'
            : report.conflicts.join('; ') || 'all there',
      },
      {
        name: 'signal mapping',
        ok: missing.length === 0,
        detail:
          missing.length === 0
            ? `every mapped property exists${unmapped.signals.length ? `; not mapped (scored as missing): ${unmapped.signals.join(', ')}` : ''}`
            : `the portal has no ${missing.join(', ')}: fix the mapping in your config`,
      },
      { name: 'plays', ...(await playsDoctorCheck(app)) },
    );
  } catch (error) {
    checks.push({ name: 'HubSpot', ok: false, detail: hubspotFailure(app, error) });
  }
  return checks;
}

function hubspotFailure(app: App, error: unknown): string {
  if (!isUnreachable(error)) return (error as Error).message;
  const baseUrl = app.connection.source === 'hubspot' ? app.config.hubspot.baseUrl : null;
  return unreachableMessage(baseUrl, error, 'nothing was changed.');
}

// Details that run over several lines stay in their column.
function print(checks: Check[], io: Io): void {
  for (const c of checks) {
    const detail = c.detail.replaceAll('\n', `\n${' '.repeat(25)}`);
    io.out(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(18)} ${detail}\n`);
  }
}
