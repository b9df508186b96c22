import { openApp, type App } from '../app/open-app.ts';
import { ConfigError } from '../config/config-error.ts';
import { unmappedSignals } from '../config/unmapped-signals.ts';
import { setupPortal } from '../jobs/setup-portal.ts';
import { EXIT } from './cli-error.ts';
import { playsDoctorCheck } from './plays-doctor-check.ts';
import { projectDoctorCheck } from './project-doctor-check.ts';
import type { Io } from './process-io.ts';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** `vitals doctor`: one screen of what works and what does not, each failure with its fix. */
export async function doctorCommand(io: Io): Promise<number> {
  let app: App;
  try {
    app = await openApp();
  } catch (error) {
    const fix =
      error instanceof ConfigError
        ? ''
        : '\n      Check VITALS_DATA_DIR and that the folder is writable.';
    print(
      [{ name: 'config and database', ok: false, detail: `${(error as Error).message}${fix}` }],
      io,
    );
    return EXIT.rejected;
  }
  try {
    const checks = await runChecks(app);
    print(checks, io);
    return checks.every((c) => c.ok) ? EXIT.ok : EXIT.rejected;
  } finally {
    await app.close();
  }
}

async function runChecks(app: App): Promise<Check[]> {
  const store = await app.store.health();
  const checks: Check[] = [
    {
      name: 'config',
      ok: true,
      detail:
        app.config.file ?? 'no config file: the built-in defaults (see vitals.config.example.yaml)',
    },
    {
      name: 'database',
      ok: store.ok,
      detail: store.ok ? store.location : `${store.error} (check VITALS_DATA_DIR)`,
    },
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
    checks.push({ name: 'HubSpot', ok: false, detail: (error as Error).message });
  }
  return checks;
}

function print(checks: Check[], io: Io): void {
  for (const c of checks) io.out(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(18)} ${c.detail}\n`);
}
