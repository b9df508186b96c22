import type { BenchSection } from './bench-section.ts';
import type { PassRun } from './rescore-memory.ts';
import { totalCalls } from './rescore-client.ts';
import { count, figuresOf, seconds } from './rescore-figures.ts';
import type { StoreCallTime } from './timed-store.ts';

const TARGET_MB = 300;
const MB = 1e6;
/** Store methods named in the notes, the slowest first; the rest are summed. */
const NAMED_STORE_CALLS = 4;

export interface FullPassRuns {
  companies: number;
  sqlite: PassRun[];
  postgres: PassRun[];
  /** The PostgreSQL server, where it ran and how (bench-backend.ts). */
  postgresNote: string;
}

/**
 * The same full pass on both stores: wall time, peak RSS of the Vitals process, and API calls,
 * which must not depend on the store (the bench fails if they do).
 */
export function fullPassOnPostgres(runs: FullPassRuns): BenchSection {
  const calls = sameCalls(runs);
  const sqliteWall = figuresOf(runs.sqlite.map((r) => r.wallMs / 1000));
  const postgresWall = figuresOf(runs.postgres.map((r) => r.wallMs / 1000));
  const sqlitePeak = figuresOf(runs.sqlite.map((r) => r.peakBytes / MB));
  const postgresPeak = figuresOf(runs.postgres.map((r) => r.peakBytes / MB));
  const callsOf = (results: PassRun[]) => figuresOf(results.map((r) => totalCalls(r.apiCalls)));
  const rss = (median: number) => ({ label: `< ${TARGET_MB}`, met: median < TARGET_MB });
  return {
    title: `Full pass over ${count(runs.companies)} companies: PostgreSQL beside SQLite (sandbox portal, rate limit lifted)`,
    rows: [
      { figure: 'Wall time of a full pass, SQLite store', unit: 's', measurement: sqliteWall },
      {
        figure: 'Wall time of a full pass, PostgreSQL store',
        unit: 's',
        measurement: postgresWall,
        reference: { label: 'SQLite', median: sqliteWall.median },
      },
      {
        figure: 'Peak RSS of the Vitals process, SQLite store',
        unit: 'MB',
        measurement: sqlitePeak,
        target: rss(sqlitePeak.median),
      },
      {
        figure: 'Peak RSS of the Vitals process, PostgreSQL store',
        unit: 'MB',
        measurement: postgresPeak,
        reference: { label: 'SQLite', median: sqlitePeak.median },
        target: rss(postgresPeak.median),
      },
      {
        figure: 'API calls of the pass, SQLite store',
        unit: 'calls',
        measurement: callsOf(runs.sqlite),
      },
      {
        figure: 'API calls of the pass, PostgreSQL store',
        unit: 'calls',
        measurement: callsOf(runs.postgres),
        reference: { label: 'SQLite', median: calls.total },
        target: { label: `= ${count(calls.total)}`, met: true },
      },
    ],
    notes: [
      `The same first pass on each store (a fresh store, so every company is written and gets a history row) over a copy of one freshly seeded ${count(runs.companies)}-company portal, each run in a fresh Vitals process (\`test/bench/rescore-memory-child.ts\`, as in the memory section above, whose ${count(runs.companies)}-company runs are the SQLite runs here): ${runsWords(runs.sqlite.length)} on SQLite and ${runsWords(runs.postgres.length)} on PostgreSQL${runs.postgres.length < runs.sqlite.length ? ' (fewer, to keep the bench short: each is a full pass)' : ''}, alternating SQLite and PostgreSQL, each PostgreSQL run on a new database of one server. Sandbox limit lifted (1,000,000 per 10 s) and gateway waits lifted, so the wall time is the app's and its store's work, not HubSpot's pace (at 100 calls per 10 s the pace is the limit's, whatever the store: see the wall-time section). Wall time is from the call to \`runRescore\` to its return, in the child. ${runs.postgres.length % 2 === 0 || runs.sqlite.length % 2 === 0 ? 'Of an even number of runs, the median shown is the upper middle one. ' : ''}Exact medians: SQLite ${seconds(sqliteWall.median * 1000)} (runs ${seconds(sqliteWall.min * 1000)}–${seconds(sqliteWall.max * 1000)}), PostgreSQL ${seconds(postgresWall.median * 1000)} (runs ${seconds(postgresWall.min * 1000)}–${seconds(postgresWall.max * 1000)}).`,
      `Peak RSS is the Vitals process's alone (\`process.resourceUsage().maxRSS\` of the child, MB of 10⁶ bytes): the PostgreSQL server runs as processes of its own, whose memory is not counted, and neither is the sandbox portal (served by the bench's process). Before the pass (Node, modules with both stores' code as \`vitals run\` loads them, store open, gateway built): SQLite ${whole(figuresOf(runs.sqlite.map((r) => r.beforePassBytes / MB)).median)} MB, PostgreSQL ${whole(figuresOf(runs.postgres.map((r) => r.beforePassBytes / MB)).median)} MB.`,
      `API calls: ${byEndpoint(calls.byEndpoint)} on every run of both stores (the pass's \`summary.apiCalls\`; checked equal endpoint by endpoint, the bench fails otherwise): the store changes where the pass keeps what it knows, not what it asks HubSpot.`,
      cpuWords(runs),
      `Where the pass waited on its store (each store call timed from call to answer, medians of the runs; the pass awaits each before going on, so this is part of its wall time): SQLite ${storeWords(runs.sqlite, sqliteWall.median)}; PostgreSQL ${storeWords(runs.postgres, postgresWall.median)}.`,
      runs.postgresNote,
    ],
  };
}

/** CPU of the Vitals process on each store, and of the PostgreSQL server beside it. */
function cpuWords({ sqlite, postgres }: FullPassRuns): string {
  const median = (results: PassRun[], pick: (r: PassRun) => number) =>
    figuresOf(results.map(pick)).median;
  const server = postgres.every((r) => r.serverCpuMs !== null)
    ? `; the PostgreSQL server's processes used ${seconds(median(postgres, (r) => r.serverCpuMs!))} besides (read from /proc), so the pass on PostgreSQL took ${seconds(median(postgres, (r) => r.cpuMs + r.serverCpuMs!))} of CPU in all, the sandbox's aside`
    : '';
  return `CPU during the pass (user and system, medians): the Vitals process used ${seconds(median(sqlite, (r) => r.cpuMs))} on SQLite (its store working in its own thread) and ${seconds(median(postgres, (r) => r.cpuMs))} on PostgreSQL${server}.`;
}

/** The calls every run made, by endpoint; throws when any run differs from the first. */
function sameCalls(runs: FullPassRuns): { byEndpoint: Record<string, number>; total: number } {
  const all = [...runs.sqlite, ...runs.postgres];
  const first = all[0]!.apiCalls;
  const key = (calls: Record<string, number>) =>
    JSON.stringify(Object.entries(calls).sort(([a], [b]) => a.localeCompare(b)));
  const differing = all.filter((r) => key(r.apiCalls) !== key(first));
  if (differing.length > 0) {
    throw new Error(
      `API calls differ between runs of the full pass (they must not depend on the store). ` +
        `SQLite: ${runs.sqlite.map((r) => key(r.apiCalls)).join(' | ')}; ` +
        `PostgreSQL: ${runs.postgres.map((r) => key(r.apiCalls)).join(' | ')}.`,
    );
  }
  return { byEndpoint: first, total: totalCalls(first) };
}

function byEndpoint(calls: Record<string, number>): string {
  return Object.entries(calls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([endpoint, n]) => `${endpoint} ${count(n)}`)
    .join(', ');
}

/** The store's share of the wall time, and the methods it went to, slowest first. */
function storeWords(results: PassRun[], wallSeconds: number): string {
  const methods = new Set(results.flatMap((r) => Object.keys(r.storeTimes)));
  const medians = [...methods].map((name) => {
    const of = (pick: (t: StoreCallTime) => number) =>
      figuresOf(results.map((r) => (r.storeTimes[name] ? pick(r.storeTimes[name]) : 0))).median;
    return { name, ms: of((t) => t.ms), calls: of((t) => t.calls) };
  });
  medians.sort((a, b) => b.ms - a.ms);
  const totalMs = medians.reduce((sum, m) => sum + m.ms, 0);
  const named = medians.slice(0, NAMED_STORE_CALLS);
  const restMs = totalMs - named.reduce((sum, m) => sum + m.ms, 0);
  const parts = named.map((m) => `\`${m.name}\` ${exactSeconds(m.ms)} (${count(m.calls)} calls)`);
  if (medians.length > named.length)
    parts.push(`the other ${medians.length - named.length} ${exactSeconds(restMs)}`);
  return `${exactSeconds(totalMs)} in all, ${Math.round((100 * totalMs) / (wallSeconds * 1000))}% of the wall time: ${parts.join(', ')}`;
}

/** Store times are short beside the pass: two decimals, so the small ones still show. */
function exactSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function runsWords(n: number): string {
  return n === 1 ? 'one run' : `${n} runs`;
}

function whole(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
