// The world of the scale-out failover test: one sandbox portal standing in for HubSpot (in the
// test process), one PostgreSQL database, and the environment of each `vitals start` replica,
// which reaches the portal through its own recording proxy, as it would reach a real portal.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PLAY_SEQUENCE_NAMES } from '../../src/sandbox/seed-portal.ts';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/start-sandbox.ts';
import { freshPostgresDatabase } from './postgres-database.ts';
import { portalSequenceIds } from './scale-out-db.ts';
import { freePort } from './scale-out-processes.ts';
import {
  emptyTraffic,
  startRecordingProxy,
  type RecordingProxy,
  type Traffic,
} from './scale-out-proxy.ts';

/** The app's limit (the highest HubSpot grants), which the replicas share through PostgreSQL. */
const PER_10S = 250;

export interface World {
  dir: string;
  /** Where the sandbox keeps its portal file (webhook-kill-db.ts reads `<dir>/sandbox`). */
  portalDir: string;
  sandbox: SandboxHandle;
  databaseUrl: string;
  secret: string;
  traffic: Traffic;
  /** The environment of the replica called `name`, with its own port, data dir and proxy. */
  replicaEnv(name: string): Promise<ReplicaEnv>;
  /** What every replica gets: for `vitals setup` and other one-off commands. */
  commonEnv(): NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export type ReplicaEnv = NodeJS.ProcessEnv & { PORT: string; VITALS_PUBLIC_URL: string };

export interface WorldOptions {
  companies: number;
  /** A node-cron expression; with a seconds field, the replicas' schedule comes round quickly. */
  cron: string;
}

/**
 * A portal of `companies` companies and a fresh database (dropped when the test ends, so call it
 * inside the test). The config makes every play able to act: the portal's own sequences and
 * sender, and no owner's daily cap holding a task back.
 */
export async function openWorld(options: WorldOptions): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'vitals-scale-out-'));
  const portalDir = join(dir, 'sandbox');
  const sandbox = await startSandbox({
    dataDir: portalDir,
    companies: options.companies,
    rateLimit: { per10s: PER_10S },
  });
  const proxies: RecordingProxy[] = [];
  try {
    const databaseUrl = await freshPostgresDatabase();
    const config = join(dir, 'vitals.yaml');
    writeFileSync(config, configYaml(sandbox, portalDir, options.cron));
    const secret = 'scale-out-test-secret-41c9';
    const traffic = emptyTraffic();
    const commonEnv = (): NodeJS.ProcessEnv => ({
      ...process.env,
      HUBSPOT_ACCESS_TOKEN: sandbox.token,
      HUBSPOT_BASE_URL: sandbox.url,
      DATABASE_URL: databaseUrl,
      VITALS_CONFIG: config,
      VITALS_DATA_DIR: join(dir, 'common'),
      HUBSPOT_CLIENT_SECRET: secret,
    });
    return {
      dir,
      portalDir,
      sandbox,
      databaseUrl,
      secret,
      traffic,
      commonEnv,
      async replicaEnv(name) {
        const proxy = await startRecordingProxy(name, sandbox.url, traffic);
        proxies.push(proxy);
        const port = await freePort();
        const dataDir = join(dir, name);
        mkdirSync(dataDir, { recursive: true });
        return {
          ...commonEnv(),
          HUBSPOT_BASE_URL: proxy.url,
          VITALS_DATA_DIR: dataDir,
          PORT: String(port),
          VITALS_PUBLIC_URL: `http://127.0.0.1:${port}`,
        };
      },
      async close() {
        for (const proxy of proxies) await proxy.close();
        await sandbox.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const proxy of proxies) await proxy.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The config both replicas read: the portal's own play sequences and their sender. */
function configYaml(sandbox: SandboxHandle, portalDir: string, cron: string): string {
  const sender = sandbox.portal.sender;
  if (!sender) throw new Error('The sandbox portal has no sequence sender.');
  const sequences = portalSequenceIds(portalDir);
  const sequenceId = (name: (typeof PLAY_SEQUENCE_NAMES)[number]) => {
    const id = sequences.get(name);
    if (!id) throw new Error(`The sandbox portal has no "${name}" sequence.`);
    return id;
  };
  return [
    'schedule:',
    `  cron: '${cron}'`,
    'rateLimit:',
    `  per10s: ${PER_10S}`,
    'plays:',
    '  dailyTaskCapPerOwner: 10000',
    '  lifecycle: { enabled: false }',
    `  renewal: { sequenceId: '${sequenceId('Renewal')}' }`,
    `  winBack: { sequenceId: '${sequenceId('Win-back')}' }`,
    `  paymentRecovery: { sequenceId: '${sequenceId('Payment recovery')}' }`,
    `  sender: { userId: '${sender.userId}', email: ${sender.email} }`,
    '',
  ].join('\n');
}
