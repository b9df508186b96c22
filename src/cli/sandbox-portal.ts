import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error.ts';
import { loadConfig } from '../config/load-config.ts';
import type { Env } from '../config/read-env.ts';
import {
  openPortalDatabase,
  portalDatabasePath,
  type PortalDatabase,
} from '../sandbox/portal-database.ts';
import { CliError } from './cli-error.ts';

export interface SandboxPortal {
  db: PortalDatabase;
  /** A line to print after the change when a token points Vitals at HubSpot instead; or ''. */
  note: string;
}

const HUBSPOT_NOTE =
  'Note: HUBSPOT_ACCESS_TOKEN is set, so Vitals works on your HubSpot portal, not this sandbox.\n';

/** Opens the sandbox portal of the config's data directory, for a command to play a user in it. */
export function openSandboxPortal(env: Env): SandboxPortal {
  let config;
  try {
    config = loadConfig({ env });
  } catch (error) {
    throw error instanceof ConfigError ? new CliError(error.message) : error;
  }
  const dataDir = join(config.dataDir, 'sandbox');
  if (!existsSync(portalDatabasePath(dataDir))) {
    throw new CliError(
      `There is no sandbox portal in ${dataDir} yet: run "vitals start" (or "vitals run --once") once to seed it.`,
    );
  }
  return {
    db: openPortalDatabase(dataDir),
    note: config.hubspot.mode === 'hubspot' ? HUBSPOT_NOTE : '',
  };
}
