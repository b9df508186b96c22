import { describe, expect, it } from 'vitest';
import { sandboxPlaySettings } from '../../../src/app/sandbox-play-settings.ts';
import type { Gateway } from '../../../src/hubspot/create-gateway.ts';
import type { CardSnapshot } from '../../../src/jobs/card-snapshot.ts';
import { runRescore, type RescoreDeps } from '../../../src/jobs/run-rescore.ts';
import type { PlaySettings } from '../../../src/plays/play-types.ts';
import { openPortalDatabase } from '../../../src/sandbox/portal-database.ts';
import { compileModel } from '../../../src/scoring/compile-model.ts';
import type { LedgerEntry, Store } from '../../../src/store/store.ts';
import { sandboxWorld } from '../../support/sandbox-world.ts';

// The demo portal's "today" (SANDBOX_DEFAULTS.referenceDate), mid-morning UTC.
const NOW = new Date('2026-11-16T10:00:00.000Z');
const HOUR = 3600_000;

async function world(companies: number, overrides: Partial<PlaySettings> = {}) {
  const clock = { now: NOW };
  const { sandboxDir, sandbox, store, config, gateway } = await sandboxWorld({
    companies,
    now: () => clock.now,
  });
  const settings = {
    ...(await sandboxPlaySettings(config.plays, sandbox.portal.sender, gateway)),
    dailyTaskCapPerOwner: 10_000,
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
    plays: { settings, mapping: config.playsMapping, leftProperty: 'left_company' },
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
  const companyIds = () =>
    portal<{ id: number }>(`SELECT id FROM objects WHERE type = 'companies'`).map((r) =>
      String(r.id),
    );
  return { store, gateway, deps, clock, portal, tasksWithMarker, companyIds };
}

async function ledger(store: Store, companyId: string): Promise<LedgerEntry[]> {
  return store.ledgerForCompany('sandbox', companyId);
}

/** Makes a company's usage and engagement collapse, as HubSpot would hold it after a bad month. */
async function collapse(gateway: Gateway, id: string) {
  const result = await gateway.updateCompanies([
    {
      id,
      properties: {
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
      },
    },
  ]);
  expect(result.errors).toEqual([]);
}

describe('plays against the sandbox portal', () => {
  it('turns a tier drop into exactly one task due when the table says, and never repeats it', async () => {
    const { store, gateway, deps, clock, tasksWithMarker, companyIds } = await world(60);
    await runRescore(deps(), { dryRun: false });
    const healthy = [...(await store.latestScores('sandbox', companyIds()))].find(
      ([, s]) => s.tier === 'healthy',
    );
    expect(healthy).toBeDefined();
    const id = healthy![0];
    await collapse(gateway, id);
    clock.now = new Date(NOW.getTime() + 2 * HOUR);

    const second = await runRescore(deps(), { dryRun: false });
    const drop = (await ledger(store, id)).filter(
      (e) => e.kind === 'task' && e.createdAt >= clock.now.toISOString(),
    );
    const tierTasks = drop.filter(
      (e) => e.ruleId === 'tier-critical' || e.ruleId === 'tier-at-risk',
    );
    expect(tierTasks.length).toBeGreaterThanOrEqual(1);
    for (const entry of tierTasks) {
      expect(entry.status).toBe('done');
      expect(tasksWithMarker(entry.marker)).toBe(1);
      const hours = entry.ruleId === 'tier-critical' ? 24 : 48;
      expect(entry.action.kind === 'task' && entry.action.dueAt).toBe(
        new Date(clock.now.getTime() + hours * HOUR).toISOString(),
      );
    }
    expect(second.plays.tasksCreated.some((t) => t.companyId === id)).toBe(true);

    clock.now = new Date(clock.now.getTime() + HOUR);
    const third = await runRescore(deps(), { dryRun: false });
    expect(third.plays.tasksCreated).toEqual([]);
    expect(third.plays.enrolled).toEqual([]);
    for (const entry of tierTasks) expect(tasksWithMarker(entry.marker)).toBe(1);

    // The card's snapshot still lists the tier play, which holds since the drop.
    const card = (await store.companyStates('sandbox', [id])).get(id)?.card as CardSnapshot;
    expect(card).toMatchObject({ companyId: id, state: 'scored' });
    expect(['critical', 'at_risk']).toContain(card.tier.key);
    expect(card.plays.map((p) => p.id)).toContain(tierTasks[0]!.ruleId);
    expect(card.drivers.length).toBeGreaterThan(0);
  });

  it('enrols renewal signers once per renewal date and churned accounts in win-back once', async () => {
    const { store, deps, portal, companyIds } = await world(120);
    await runRescore(deps(), { dryRun: false });
    const entries = (await Promise.all(companyIds().map((id) => ledger(store, id)))).flat();
    const renewal = entries.filter((e) => e.kind === 'enroll' && e.ruleId === 'renewal-sequence');
    const winBack = entries.filter((e) => e.kind === 'enroll' && e.ruleId === 'win-back');
    expect(renewal.some((e) => e.status === 'done')).toBe(true);
    expect(winBack.some((e) => e.status === 'done')).toBe(true);

    const second = await runRescore(deps(), { dryRun: false });
    expect(second.plays.enrolled).toEqual([]);
    const perContact = portal<{ contact_id: number; n: number }>(
      'SELECT contact_id, COUNT(*) AS n FROM enrollments GROUP BY contact_id HAVING n > 1',
    );
    expect(perContact).toEqual([]);
    for (const e of [...renewal, ...winBack].filter((x) => x.status === 'done')) {
      const action = e.action.kind === 'enroll' ? e.action : null;
      const rows = portal<{ sequence_id: number }>(
        'SELECT sequence_id FROM enrollments WHERE contact_id = ?',
        Number(action!.contactId),
      );
      expect(rows.map((r) => String(r.sequence_id))).toEqual([action!.sequenceId]);
    }
  });

  it('still gives one task when the process dies between the HubSpot call and the ledger write', async () => {
    const { store, gateway, deps, tasksWithMarker } = await world(40);
    const dying: Gateway = {
      ...gateway,
      createTasks: async (tasks) => {
        await gateway.createTasks(tasks);
        throw new Error('killed before the ledger write');
      },
    };
    await expect(runRescore(deps(dying), { dryRun: false })).rejects.toThrow('killed');
    const pending = await store.unfinishedActions('sandbox');
    const tasks = pending.filter((e) => e.kind === 'task');
    expect(tasks.length).toBeGreaterThan(0);
    for (const entry of tasks) expect(tasksWithMarker(entry.marker)).toBe(1);

    const recovery = await runRescore(deps(), { dryRun: false });
    // Finding them again is part of the run's cost.
    expect(recovery.apiCalls['tasks.search']).toBeGreaterThanOrEqual(Math.ceil(tasks.length / 5));
    expect((await store.unfinishedActions('sandbox')).filter((e) => e.kind === 'task')).toEqual([]);
    for (const entry of tasks) {
      expect(tasksWithMarker(entry.marker)).toBe(1);
      const [now] = (await ledger(store, entry.companyId)).filter((e) => e.key === entry.key);
      expect(now?.status).toBe('done');
    }
  });

  it("holds tasks beyond an owner's daily cap and releases them the next day", async () => {
    const { store, deps, clock } = await world(60, { dailyTaskCapPerOwner: 2 });
    const first = await runRescore(deps(), { dryRun: false });
    expect(first.plays.heldBack.length).toBeGreaterThan(0);
    const perOwner = new Map<string, number>();
    for (const t of first.plays.tasksCreated) {
      const [entry] = (await ledger(store, t.companyId)).filter((e) => e.key === t.key);
      const owner = entry?.ownerId ?? 'none';
      perOwner.set(owner, (perOwner.get(owner) ?? 0) + 1);
    }
    for (const [owner, count] of perOwner)
      if (owner !== 'none') expect(count).toBeLessThanOrEqual(2);

    clock.now = new Date(NOW.getTime() + 24 * HOUR);
    const next = await runRescore(deps(), { dryRun: false });
    const released = next.plays.tasksCreated.filter((t) =>
      first.plays.heldBack.some((h) => h.key === t.key),
    );
    expect(released.length).toBeGreaterThan(0);
  });

  it('plans in a dry run without creating, enrolling or recording anything', async () => {
    const { store, deps, portal } = await world(40);
    const dry = await runRescore(deps(), { dryRun: true });
    expect(dry.planned.some((a) => a.kind === 'task')).toBe(true);
    expect(dry.plays.tasksCreated).toEqual([]);
    expect(portal(`SELECT id FROM objects WHERE type = 'tasks'`)).toEqual([]);
    expect(portal('SELECT id FROM enrollments')).toEqual([]);
    expect(await store.unfinishedActions('sandbox')).toEqual([]);
    const ids = [...new Set(dry.planned.map((a) => a.companyId))];
    for (const id of ids) expect(await ledger(store, id)).toEqual([]);
  });
});
