import { resolve } from 'node:path';
import type { IssueReport } from '../validation/describe-issues.ts';
import type { Config } from './config.ts';
import { hubspotBaseUrlOf } from './hubspot-base-url.ts';
import { readDatabaseUrl } from './read-database-url.ts';
import { readServerEnv } from './read-server-env.ts';
import { Secret } from './secret.ts';

export type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_DATA_DIR = './data';

export interface EnvSettings {
  dataDir: string;
  databaseUrl: Config['databaseUrl'];
  hubspot: Config['hubspot'];
  server: Config['server'];
  /** Each names the variable, its value (never a secret's) and the fix. */
  issues: IssueReport[];
}

/** The settings that come from the environment: where data lives (VITALS_DATA_DIR, DATABASE_URL),
 * the HubSpot secrets and API, and where the card API listens and is reached. */
export function readEnv(env: Env, cwd: string): EnvSettings {
  const issues: IssueReport[] = [];
  const secret = (name: string) => {
    const value = env[name]?.trim();
    if (!value) return null;
    // Never echo the value: say what is wrong with it instead.
    if (/[\s"']/.test(value)) {
      issues.push({
        path: name,
        message: `${name} holds spaces or quotes (its value is secret, so it is not shown here): set ${name} to the bare token, with nothing around it.`,
      });
    }
    return new Secret(value);
  };
  const accessToken = secret('HUBSPOT_ACCESS_TOKEN');
  const clientSecret = secret('HUBSPOT_CLIENT_SECRET');
  const baseUrl = hubspotBaseUrlOf(env.HUBSPOT_BASE_URL, issues);
  const dataDir = resolve(cwd, env.VITALS_DATA_DIR?.trim() || DEFAULT_DATA_DIR);
  const mode = accessToken ? 'hubspot' : 'sandbox';
  const server = readServerEnv(env, issues);
  const databaseUrl = readDatabaseUrl(env.DATABASE_URL, issues);
  return {
    dataDir,
    databaseUrl,
    hubspot: { mode, accessToken, clientSecret, baseUrl },
    server,
    issues,
  };
}
