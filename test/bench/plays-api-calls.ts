import { join } from 'node:path';
import { sandboxPlaySettings } from '../../src/app/sandbox-play-settings.ts';
import { runRescore, type RescoreSummary } from '../../src/jobs/run-rescore.ts';
import type { BenchRow, BenchSection } from './bench-section.ts';
import { benchConfig, benchGateway, NO_WAITS, rescoreDeps, totalCalls } from './rescore-client.ts';
import { count, figuresOf } from './rescore-figures.ts';
import { preparePortal, servePortal, tempDir, UNLIMITED } from './rescore-world.ts';

const COMPANIES = 2_000;
// The endpoints plays use; everything else in a pass is the rescore's own (section above).
const PLAY_ENDPOINTS = [
  'tasks.batchCreate',
  'tasks.search',
  'sequences.enroll',
  'sequences.enrollment',
];

/** What the plays add to a full pass: calls for the tasks and enrolments they make. */
export async function playsApiCalls(): Promise<BenchSection> {
  const [first, second] = await twoPasses();
  return {
    title: `Plays API calls (sandbox portal, ${count(COMPANIES)} companies)`,
    rows: [row('first pass', first!), row('second pass (nothing new)', second!)],
    notes: [
      'Target: at most 1.05× the floor, as for the rescore. Floor = ⌈tasks created/100⌉ batch creates + one call per enrolment attempt (HubSpot has no batch enrolment; a refused contact costs its call too). Tasks are created per chunk of 500 companies, so each chunk may end on a part-filled batch. Task search and enrolment look-ups happen only when a run settles what a crash or a server error left, and once on a store that has never run here: one search for open Vitals tasks to adopt (a lost store must not make them again), which a fresh portal answers with none; enrolments then go straight in and only one HubSpot refuses as already enrolled is looked up.',
      ...[first!, second!].map(
        (s, i) =>
          `${i === 0 ? 'First' : 'Second'} pass: ${count(s.plays.tasksCreated.length)} tasks created, ${count(s.plays.enrolled.length)} contacts enrolled, ${count(s.plays.skipped.length)} skipped, ${count(s.plays.heldBack.length)} held back; plays calls ${describe(s)}.`,
      ),
      'The first pass over a fresh store meets every account for the first time, so every play whose condition holds fires at once (the daily cap is lifted here to count them all); later passes only act on what changed.',
    ],
  };
}

async function twoPasses(): Promise<RescoreSummary[]> {
  const dir = tempDir('plays');
  try {
    const sandboxDir = join(dir.path, 'sandbox');
    await preparePortal(sandboxDir, COMPANIES);
    const sandbox = await servePortal(sandboxDir, COMPANIES, UNLIMITED);
    try {
      const config = benchConfig(dir.path, 250);
      const gateway = benchGateway(sandbox, config, { headroom: NO_WAITS });
      const now = new Date('2026-11-16T10:00:00.000Z');
      const { deps, store } = await rescoreDeps(dir.path, gateway, config, () => now);
      const settings = await sandboxPlaySettings(config.plays, sandbox.portal.sender, gateway);
      const plays = {
        settings: { ...settings, dailyTaskCapPerOwner: 1_000_000 },
        mapping: config.playsMapping,
        leftProperty: 'left_company',
      };
      try {
        const first = await runRescore({ ...deps, plays }, { dryRun: false });
        const second = await runRescore({ ...deps, plays }, { dryRun: false });
        return [first, second];
      } finally {
        await store.close();
      }
    } finally {
      await sandbox.close();
    }
  } finally {
    dir.remove();
  }
}

function playCalls(summary: RescoreSummary): number {
  return totalCalls(
    Object.fromEntries(
      Object.entries(summary.apiCalls).filter(([k]) => PLAY_ENDPOINTS.includes(k)),
    ),
  );
}

function floorOf(summary: RescoreSummary): number {
  const { tasksCreated, enrolled, skipped } = summary.plays;
  const refused = skipped.filter((s) => s.reason.includes('already in')).length;
  return Math.ceil(tasksCreated.length / 100) + enrolled.length + refused;
}

function row(label: string, summary: RescoreSummary): BenchRow {
  const calls = playCalls(summary);
  const floor = floorOf(summary);
  return {
    figure: `Plays API calls, ${label}`,
    unit: 'calls',
    measurement: figuresOf([calls]),
    reference: { label: 'floor', median: floor },
    target: { label: `≤ ${count(Math.floor(1.05 * floor))}`, met: calls <= 1.05 * floor },
  };
}

function describe(summary: RescoreSummary): string {
  const used = PLAY_ENDPOINTS.map((k) => `${k} ${count(summary.apiCalls[k] ?? 0)}`);
  return used.join(', ');
}
