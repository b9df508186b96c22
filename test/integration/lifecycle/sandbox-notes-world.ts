import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { runRescore, type RescoreDeps } from '../../../src/jobs/run-rescore.ts';
import { DEFAULT_LIFECYCLE } from '../../../src/lifecycle/lifecycle-defaults.ts';
import type { PlaySettings } from '../../../src/plays/play-types.ts';
import { openSqliteStore } from '../../../src/store/open-sqlite-store.ts';
import type { LedgerEntry, Store } from '../../../src/store/store.ts';
import { HOUR, NOW, playsWorld, type PlaysWorld } from '../../support/plays-world.ts';

// What the lifecycle tests against the sandbox portal share: a plays world with the lifecycle
// plays on, runs with other settings or another store, and views of the notes and tasks the
// sandbox portal itself holds (not what Vitals believes it wrote).

export const DAY = 24 * HOUR;
/** NOW (Monday 16 November 2026, 10:00 UTC) plus whole days. */
export const day = (days: number, hours = 0) => new Date(NOW.getTime() + days * DAY + hours * HOUR);
/** The portal's (UTC) date of an instant. */
export const dateOf = (at: Date) => at.toISOString().slice(0, 10);

const LEAD_DAYS = DEFAULT_LIFECYCLE.qbrLeadDays;

/** A plays world with the lifecycle plays switched on (plays-world turns them off). */
export function lifecycleWorld(
  companies: number,
  overrides: Partial<PlaySettings> = {},
  options: { settleAfterSeconds?: number } = {},
) {
  // The portal's daily budget is opened up here so each play shows on the day it falls due;
  // lifecycle-budget.test.ts runs the default one.
  return playsWorld(
    companies,
    {
      lifecycle: { ...DEFAULT_LIFECYCLE, enabled: true, dailyTaskBudgetPercent: 100 },
      ...overrides,
    },
    options,
  );
}

export interface RunOptions {
  store?: Store;
  gateway?: RescoreDeps['gateway'];
  settings?: Partial<PlaySettings>;
  dryRun?: boolean;
}

/** One full run at `at` (the clock stays where it is when absent), as the world runs them. */
export function runAt(world: PlaysWorld, at: Date | undefined, options: RunOptions = {}) {
  if (at) world.clock.now = at;
  const deps = world.deps(options.gateway);
  return runRescore(
    {
      ...deps,
      ...(options.store ? { store: options.store } : {}),
      plays: { ...deps.plays!, settings: { ...deps.plays!.settings, ...options.settings } },
    },
    { dryRun: options.dryRun ?? false },
  );
}

/** A store on a new, empty directory beside the same sandbox portal: the volume was lost. */
export async function lostStore(world: PlaysWorld): Promise<Store> {
  const store = await openSqliteStore(mkdtempSync(join(tmpdir(), 'vitals-lost-notes-')), {
    now: () => world.clock.now,
  });
  onTestFinished(() => store.close());
  return store;
}

/** A company as the sandbox portal holds it. */
export interface PortalCompany {
  id: string;
  name: string;
  status: string;
  ownerId: string | null;
}

export function portalCompanies(world: PlaysWorld): Map<string, PortalCompany> {
  const rows = world.portal<{ id: number; properties: string }>(
    `SELECT id, properties FROM objects WHERE type = 'companies' ORDER BY id`,
  );
  return new Map(
    rows.map((r) => {
      const p = JSON.parse(r.properties) as Record<string, string | undefined>;
      const company = {
        id: String(r.id),
        name: p.name ?? '',
        status: p.customer_status ?? '',
        ownerId: p.hubspot_owner_id ?? null,
      };
      return [company.id, company];
    }),
  );
}

/** A note in the sandbox portal, with the companies it is on and the association type. */
export interface PortalNote {
  id: string;
  body: string;
  ownerId: string | null;
  timestamp: string;
  companies: { id: string; typeIds: string }[];
  /** From its last line, `Ref: <marker> #VitalsNote <brief>`; null when it has no such line. */
  marker: string | null;
  brief: string | null;
}

const REF_LINE = /<p>Ref: (vt[0-9a-f]+) #VitalsNote ([a-z-]+)<\/p>$/;

export function portalNotes(world: PlaysWorld): PortalNote[] {
  const links = world.portal<{ from_id: number; to_id: number; type_ids: string }>(
    `SELECT a.from_id, a.to_id, a.type_ids FROM associations a
     JOIN objects o ON o.id = a.from_id
     WHERE o.type = 'notes' AND a.to_type = 'companies'`,
  );
  return world
    .portal<{ id: number; properties: string }>(
      `SELECT id, properties FROM objects WHERE type = 'notes' ORDER BY id`,
    )
    .map((r) => {
      const p = JSON.parse(r.properties) as Record<string, string | undefined>;
      const body = p.hs_note_body ?? '';
      const ref = REF_LINE.exec(body);
      return {
        id: String(r.id),
        body,
        ownerId: p.hubspot_owner_id ?? null,
        timestamp: p.hs_timestamp ?? '',
        companies: links
          .filter((l) => l.from_id === r.id)
          .map((l) => ({ id: String(l.to_id), typeIds: l.type_ids })),
        marker: ref?.[1] ?? null,
        brief: ref?.[2] ?? null,
      };
    });
}

/** A task in the sandbox portal and the company it is on. */
export interface PortalTaskOn {
  id: string;
  subject: string;
  body: string;
  priority: string;
  ownerId: string | null;
  companyId: string | null;
  marker: string | null;
}

export function portalTasks(world: PlaysWorld): PortalTaskOn[] {
  const companyOf = new Map(
    world
      .portal<{ from_id: number; to_id: number }>(
        `SELECT a.from_id, a.to_id FROM associations a JOIN objects o ON o.id = a.from_id
         WHERE o.type = 'tasks' AND a.to_type = 'companies'`,
      )
      .map((l) => [l.from_id, String(l.to_id)]),
  );
  return world
    .portal<{ id: number; properties: string }>(
      `SELECT id, properties FROM objects WHERE type = 'tasks' ORDER BY id`,
    )
    .map((r) => {
      const p = JSON.parse(r.properties) as Record<string, string | undefined>;
      const body = p.hs_task_body ?? '';
      return {
        id: String(r.id),
        subject: p.hs_task_subject ?? '',
        body,
        priority: p.hs_task_priority ?? '',
        ownerId: p.hubspot_owner_id ?? null,
        companyId: companyOf.get(r.id) ?? null,
        marker: /Ref: (vt[0-9a-f]{16})/.exec(body)?.[1] ?? null,
      };
    });
}

/** Meetings that will not or did not take place as booked. */
const NOT_HELD = new Set(['CANCELED', 'RESCHEDULED', 'NO_SHOW']);

/** Company id → the start dates (YYYY-MM-DD) of its QBR meetings that take place, as seeded. */
export function qbrDates(world: PlaysWorld): Map<string, string[]> {
  const rows = world.portal<{ properties: string; company: number }>(
    `SELECT o.properties, a.to_id AS company FROM objects o
     JOIN associations a ON a.from_id = o.id AND a.to_type = 'companies'
     WHERE o.type = 'meetings'`,
  );
  const dates = new Map<string, string[]>();
  for (const row of rows) {
    const p = JSON.parse(row.properties) as Record<string, string | undefined>;
    if (!/\bQBR\b/.test(p.hs_meeting_title ?? '') || NOT_HELD.has(p.hs_meeting_outcome ?? ''))
      continue;
    const id = String(row.company);
    dates.set(id, [...(dates.get(id) ?? []), p.hs_meeting_start_time!.slice(0, 10)].sort());
  }
  return dates;
}

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;

/**
 * The QBR briefs the playbook asks for on each run day, worked out from the seeded meetings alone:
 * on each day, every active company whose next QBR is at most 14 days away has that QBR's brief
 * due; a run acts on the ones not due on an earlier run day already, the first of which (the
 * baseline) only records them. Answers, per run day after the first, company id → QBR date.
 */
export function expectedQbrBriefs(world: PlaysWorld, runDays: readonly string[]) {
  const companies = portalCompanies(world);
  const dates = qbrDates(world);
  const seen = new Set<string>();
  return runDays.map((today, i) => {
    const due = new Map<string, string>();
    for (const [id, qbrs] of dates) {
      if (companies.get(id)?.status !== 'active') continue;
      const next = qbrs.find((d) => d >= today);
      if (next !== undefined && daysBetween(today, next) <= LEAD_DAYS) due.set(id, next);
    }
    const fresh = new Map([...due].filter(([id, q]) => !seen.has(`${id}:${q}`)));
    for (const [id, q] of due) seen.add(`${id}:${q}`);
    return i === 0 ? new Map<string, string>() : fresh;
  });
}

/** Every ledger entry of the world's companies in a store. */
export async function wholeLedger(world: PlaysWorld, store: Store = world.store) {
  const all = await Promise.all(
    world.companyIds().map((id) => store.ledgerForCompany('sandbox', id)),
  );
  return all.flat();
}

export const isLifecycleTask = (e: LedgerEntry) =>
  e.kind === 'task' && e.action.kind === 'task' && e.action.track === 'lifecycle';

/** The store with its reads the plan and the note writer make counted. */
export function countingStore(store: Store) {
  const calls = {
    /** scoreHistory: company id and days of every call. */
    scoreHistory: [] as { companyId: string; days: number }[],
    ledgerHas: [] as { keys: string[]; held: Set<string> }[],
    ledgerForCompany: [] as string[],
    mrrHistory: 0,
  };
  const counted: Store = {
    ...store,
    scoreHistory: (portal, companyId, days) => {
      calls.scoreHistory.push({ companyId, days });
      return store.scoreHistory(portal, companyId, days);
    },
    ledgerHas: async (portal, keys) => {
      const held = await store.ledgerHas(portal, keys);
      calls.ledgerHas.push({ keys: [...keys], held });
      return held;
    },
    ledgerForCompany: (portal, companyId) => {
      calls.ledgerForCompany.push(companyId);
      return store.ledgerForCompany(portal, companyId);
    },
    mrrHistory: (...args) => {
      calls.mrrHistory += 1;
      return store.mrrHistory(...args);
    },
  };
  const reset = () => {
    calls.scoreHistory = [];
    calls.ledgerHas = [];
    calls.ledgerForCompany = [];
    calls.mrrHistory = 0;
  };
  return { store: counted, calls, reset };
}

/** Sorted copies, so lists compare whatever order a run made them in. */
export const sorted = (items: Iterable<string>) => [...items].sort();
