import { DEFAULT_LIFECYCLE } from '../../src/lifecycle/lifecycle-defaults.ts';
import { expect } from 'vitest';
import { sandboxPlaySettings } from '../../src/app/sandbox-play-settings.ts';
import type { Gateway } from '../../src/hubspot/create-gateway.ts';
import { runRescore, type RescoreDeps } from '../../src/jobs/run-rescore.ts';
import type { PlaySettings } from '../../src/plays/play-types.ts';
import { openPortalDatabase } from '../../src/sandbox/portal-database.ts';
import { compileModel } from '../../src/scoring/compile-model.ts';
import { sandboxWorld } from './sandbox-world.ts';

/** The demo portal's "today" (SANDBOX_DEFAULTS.referenceDate), a Monday, mid-morning UTC. */
export const NOW = new Date('2026-11-16T10:00:00.000Z');
export const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A HubSpot task as the sandbox portal holds it. */
export interface PortalTask {
  hs_task_subject: string;
  hs_task_body: string;
  hs_task_status: string;
  hs_task_priority: string;
  hs_timestamp: string;
  hubspot_owner_id?: string;
}

/**
 * A sandbox world with plays switched on (the default config, the demo portal's sequences and
 * sender), a clock the test moves, and views of what the sandbox portal itself holds.
 * `settleAfterSeconds`: how long settling waits for the sandbox's search (which shows a new task
 * 2 to 5 s after it is made); 0, no wait, for tests that never look a task up.
 */
export async function playsWorld(
  companies: number,
  overrides: Partial<PlaySettings> = {},
  { settleAfterSeconds = 0 }: { settleAfterSeconds?: number } = {},
) {
  const clock = { now: NOW };
  const { sandboxDir, sandbox, store, config, gateway } = await sandboxWorld({
    companies,
    now: () => clock.now,
  });
  const settings: PlaySettings = {
    ...(await sandboxPlaySettings(config.plays, sandbox.portal.sender, gateway)),
    dailyTaskCapPerOwner: 10_000,
    // These worlds test the alarm plays; the lifecycle plays have their own tests.
    lifecycle: { ...DEFAULT_LIFECYCLE, enabled: false },
    ...overrides,
  };
  const deps = (g: RescoreDeps['gateway'] = gateway): RescoreDeps => ({
    gateway: g,
    store,
    mapping: config,
    model: compileModel(config.model),
    portal: 'sandbox',
    source: 'sandbox',
    holder: 'test',
    now: () => clock.now,
    plays: {
      settings,
      mapping: { ...config.playsMapping, settleAfterSeconds },
      leftProperty: 'left_company',
    },
  });
  /** Rows of the sandbox's own tables: what HubSpot holds, not what Vitals believes. */
  const portal = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = openPortalDatabase(sandboxDir);
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  const tasksWithMarker = (marker: string) =>
    portal<{ id: number }>(
      `SELECT id FROM objects WHERE type = 'tasks' AND properties LIKE ?`,
      `%${marker}%`,
    ).length;
  const taskCount = () =>
    portal<{ n: number }>(`SELECT count(*) AS n FROM objects WHERE type = 'tasks'`)[0]!.n;
  const task = (id: string): PortalTask => {
    const [row] = portal<{ properties: string }>(
      `SELECT properties FROM objects WHERE type = 'tasks' AND id = ?`,
      Number(id),
    );
    if (!row) throw new Error(`The sandbox portal has no task ${id}.`);
    return JSON.parse(row.properties) as PortalTask;
  };
  const companyIds = () =>
    portal<{ id: number }>(`SELECT id FROM objects WHERE type = 'companies'`).map((r) =>
      String(r.id),
    );
  const ledger = (companyId: string) => store.ledgerForCompany('sandbox', companyId);
  /** One full run at `at` (default: the clock as it is). */
  const run = async (at?: Date, g?: RescoreDeps['gateway']) => {
    if (at) clock.now = at;
    return runRescore(deps(g), { dryRun: false });
  };
  /** A dry run at the clock's time. */
  const preview = () => runRescore(deps(), { dryRun: true });
  return {
    sandbox,
    store,
    gateway,
    settings,
    deps,
    run,
    preview,
    clock,
    portal,
    tasksWithMarker,
    taskCount,
    task,
    companyIds,
    ledger,
  };
}

export type PlaysWorld = Awaited<ReturnType<typeof playsWorld>>;

/**
 * Healthy paying customers with no open track, in touch lately and far from their renewal:
 * nothing but what a test does to them starts a play in the next days. Fails without one.
 */
export async function quietAccounts(world: PlaysWorld): Promise<string[]> {
  const ids = world.companyIds();
  const [scores, tracks] = await Promise.all([
    world.store.latestScores('sandbox', ids),
    world.store.openTracks('sandbox', ids),
  ]);
  const rows = world.portal<{ id: number; properties: string }>(
    `SELECT id, properties FROM objects WHERE type = 'companies' ORDER BY id`,
  );
  const quiet = rows.flatMap(({ id, properties }) => {
    const p = JSON.parse(properties) as Record<string, string | undefined>;
    const contacted = Date.parse(p.notes_last_contacted ?? '');
    const renewal = Date.parse(p.renewal_date ?? '');
    const ok =
      p.customer_status === 'active' &&
      p.hubspot_owner_id !== undefined &&
      scores.get(String(id))?.tier === 'healthy' &&
      Object.keys(tracks.get(String(id)) ?? {}).length === 0 &&
      NOW.getTime() - contacted < 7 * DAY &&
      renewal - NOW.getTime() > 200 * DAY;
    return ok ? [String(id)] : [];
  });
  expect(quiet.length, 'quiet healthy accounts in the demo portal').toBeGreaterThan(0);
  return quiet;
}

/** Writes company properties as a CSM or a workflow would in HubSpot. */
export async function setCompany(gateway: Gateway, id: string, properties: Record<string, string>) {
  const result = await gateway.updateCompanies([{ id, properties }]);
  expect(result.errors).toEqual([]);
}

/** Makes a company's usage and engagement collapse, as HubSpot would hold it after a bad month. */
export function collapse(gateway: Gateway, id: string) {
  return setCompany(gateway, id, {
    product_login_pct_of_baseline: '5',
    product_core_features_adopted: '0',
    product_usage_depth: 'basic',
    avg_reply_time_days: '9',
    checkin_attendance: 'never',
    proactive_requests: 'never',
    payment_status: 'failed_unresolved',
    contract_value_trend: 'contracting',
    last_sentiment: 'negative',
    goal_status: 'behind',
    roi_status: 'negative',
  });
}

/** A task body as a rep reads it: HubSpot's rich text back to lines. */
export function plainText(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<\/p><p>/g, '\n\n')
    .replace(/<\/?p>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
