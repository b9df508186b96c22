import { join } from 'node:path';
import { sandboxPlaySettings } from '../../src/app/sandbox-play-settings.ts';
import { runRescore, type RescoreSummary } from '../../src/jobs/run-rescore.ts';
import type { BenchRow, BenchSection } from './bench-section.ts';
import { benchConfig, benchGateway, NO_WAITS, rescoreDeps, totalCalls } from './rescore-client.ts';
import { count, figuresOf } from './rescore-figures.ts';
import { preparePortal, servePortal, tempDir, UNLIMITED } from './rescore-world.ts';

const COMPANIES = 2_000;
// What the plays call in a pass: tasks, notes, enrolments, and the one QBR meeting search.
const PLAY_ENDPOINTS = [
  'tasks.batchCreate',
  'tasks.search',
  'notes.batchCreate',
  'notes.search',
  'sequences.enroll',
  'sequences.enrollment',
  'meetings.search',
];
// The portal is seeded on 2026-11-16; 2026-12-01 is a Tuesday, the month's first business day.
const PASSES = [
  { label: 'first pass (baseline), 2026-11-16', at: '2026-11-16T10:00:00.000Z' },
  { label: 'first business day, 2026-12-01', at: '2026-12-01T10:00:00.000Z' },
  { label: 'same day again, 2026-12-01', at: '2026-12-01T15:00:00.000Z' },
];

/** What the lifecycle plays add to a pass: notes written and the calls for them. */
export async function lifecycleApiCalls(): Promise<BenchSection> {
  const passes = await threePasses();
  return {
    title: `Lifecycle plays: notes and API calls (sandbox portal, ${count(COMPANIES)} companies)`,
    rows: passes.flatMap((s, i) => [notesRow(PASSES[i]!.label, s), callsRow(PASSES[i]!.label, s)]),
    notes: [
      'Floor = ⌈tasks created/100⌉ + ⌈notes written/100⌉ batch creates, one call per enrolment attempt, and one meetings search for the whole portal per pass (its pages of 200 and one association read per 1,000 meetings found). Tasks and notes are created per chunk of 500 companies, so each chunk may end on a part-filled batch; the target allows for those 4 chunks.',
      ...passes.map(
        (s, i) =>
          `${PASSES[i]!.label}: ${count(s.plays.notesWritten.length)} notes written, ${count(s.plays.tasksCreated.length)} tasks created, ${count(s.plays.enrolled.length)} contacts enrolled, ${count(s.plays.skipped.length)} skipped; plays calls ${describe(s)}.`,
      ),
      'The baseline pass records what already holds (value reports and QBR briefs due then included) instead of acting on it. On the first business day every paying account gets its value report note and each account with a QBR in the next 14 days its prep brief; the rerun the same day finds them all in the ledger and builds no brief again.',
    ],
  };
}

async function threePasses(): Promise<RescoreSummary[]> {
  const dir = tempDir('lifecycle');
  try {
    const sandboxDir = join(dir.path, 'sandbox');
    await preparePortal(sandboxDir, COMPANIES);
    const sandbox = await servePortal(sandboxDir, COMPANIES, UNLIMITED);
    try {
      const config = benchConfig(dir.path, 250);
      const gateway = benchGateway(sandbox, config, { headroom: NO_WAITS });
      let now = new Date(PASSES[0]!.at);
      const { deps, store } = await rescoreDeps(dir.path, gateway, config, () => now);
      const settings = await sandboxPlaySettings(config.plays, sandbox.portal.sender, gateway);
      const plays = {
        settings: { ...settings, dailyTaskCapPerOwner: 1_000_000 },
        mapping: config.playsMapping,
        leftProperty: 'left_company',
      };
      try {
        const out: RescoreSummary[] = [];
        for (const pass of PASSES) {
          now = new Date(pass.at);
          out.push(await runRescore({ ...deps, plays }, { dryRun: false }));
        }
        return out;
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

function notesRow(label: string, summary: RescoreSummary): BenchRow {
  return {
    figure: `Notes written, ${label}`,
    unit: 'notes',
    measurement: figuresOf([summary.plays.notesWritten.length]),
  };
}

function callsRow(label: string, summary: RescoreSummary): BenchRow {
  const calls = totalCalls(
    Object.fromEntries(
      Object.entries(summary.apiCalls).filter(([k]) => PLAY_ENDPOINTS.includes(k)),
    ),
  );
  const { tasksCreated, notesWritten, enrolled } = summary.plays;
  const floor =
    Math.ceil(tasksCreated.length / 100) +
    Math.ceil(notesWritten.length / 100) +
    enrolled.length +
    Math.max(1, summary.apiCalls['meetings.search'] ?? 0);
  const chunks = Math.ceil(COMPANIES / 500);
  const allowed = floor + 2 * (chunks - 1);
  return {
    figure: `Plays API calls, ${label}`,
    unit: 'calls',
    measurement: figuresOf([calls]),
    reference: { label: 'floor', median: floor },
    target: { label: `≤ ${count(allowed)} (floor + part-filled batches)`, met: calls <= allowed },
  };
}

function describe(summary: RescoreSummary): string {
  return PLAY_ENDPOINTS.filter((k) => summary.apiCalls[k])
    .map((k) => `${k} ${count(summary.apiCalls[k]!)}`)
    .join(', ');
}
