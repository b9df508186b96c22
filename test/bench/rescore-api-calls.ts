import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { Gateway } from '../../src/hubspot/create-gateway.ts';
import { runRescore, type RescoreSummary } from '../../src/jobs/run-rescore.ts';
import { withBackend, type BackendKind, type BenchBackend } from './bench-backend.ts';
import type { BenchRow, BenchSection } from './bench-section.ts';
import { count, figuresOf } from './rescore-figures.ts';
import { benchConfig, benchGateway, NO_WAITS, rescoreDeps, totalCalls } from './rescore-client.ts';
import { preparePortal, servePortal, tempDir, UNLIMITED } from './rescore-world.ts';

const COMPANIES = 5_000;
const TARGET = 1.05;
const UNIT = 'calls';

/** The fewest calls a pass can make: list pages, association reads, contact reads, updates. */
interface Floor {
  list: number;
  associations: number;
  contacts: number;
  updates: number;
  total: number;
}

interface Pass {
  label: string;
  backend: BenchBackend['label'];
  summary: RescoreSummary;
  /** Requests the sandbox received during the pass. */
  served: number;
}

export interface RescoreApiCallsOptions {
  /** Companies in the portal; fewer make a quick smoke run. */
  companies?: number;
  /** The same two passes on PostgreSQL too, whose calls must equal SQLite's. */
  postgres?: boolean;
}

/** API calls of a first and a second full pass, against the fewest HubSpot's batch sizes allow. */
export async function rescoreApiCalls({
  companies = COMPANIES,
  postgres = false,
}: RescoreApiCallsOptions = {}): Promise<BenchSection> {
  const dir = tempDir('calls');
  try {
    // Seeded once; each store's passes run over a copy as it was before any pass wrote to it.
    const pristine = join(dir.path, 'pristine');
    await preparePortal(pristine, companies);
    const kinds: BackendKind[] = postgres ? ['sqlite', 'postgres'] : ['sqlite'];
    const measured: Passes[] = [];
    for (const kind of kinds) {
      measured.push(await twoPasses(dir.path, pristine, companies, kind));
    }
    const [sqlite, ...others] = measured;
    for (const other of others) sameCalls(sqlite!, other);
    const passes = measured.flatMap((m) => m.passes);
    const { contacts } = sqlite!;
    const labelled = (pass: Pass) =>
      postgres ? `${pass.label}, ${pass.backend} store` : pass.label;
    return {
      title: `Rescore API calls (sandbox portal, ${count(companies)} companies${postgres ? ', SQLite and PostgreSQL stores' : ''})`,
      rows: passes.map((pass) => row(labelled(pass), pass.summary, contacts, companies)),
      notes: [
        `Target: at most ${TARGET.toFixed(2)}× the floor. Floor = ⌈N/100⌉ list pages + ⌈N/1,000⌉ association reads + ⌈C/100⌉ contact reads + ⌈changed/100⌉ updates, with N = ${count(companies)} companies, C = ${count(contacts)} distinct associated contacts (the seeded portal's count: each sandbox contact belongs to one company, and the pass asked for exactly that many distinct ids) and changed = the pass's \`summary.updated\`. Calls are the pass's \`summary.apiCalls\`, retries included; the same portal always takes the same calls, so each pass runs once.`,
        ...passes.map((pass) => breakdown(pass, contacts, labelled(pass))),
        'A pass works in chunks of 500 companies (5 list pages; chosen to keep peak memory under 300 MB, see below): one association read per chunk, where the floor counts one per 1,000, and each chunk may end on a part-filled contact read, where the floor rounds up once for the whole portal.',
        `\`runRescore\` scores and writes only (no \`plays\` in its deps, so no task or sequence calls). Sandbox limit lifted (1,000,000 per 10 s) and gateway headroom raised so no call waits or is refused; both passes run one after the other on the same store with the same \`now\`, so nothing ages between them.`,
        ...(postgres
          ? [
              `On PostgreSQL: the same two passes on a fresh database, over a copy of the same seeded portal as it was before the SQLite passes wrote to it. Their calls equal SQLite's endpoint by endpoint, pass by pass (checked; the bench fails otherwise): what the second pass skips rests on what the store gave back of the first.`,
              ...measured.flatMap((m) => (m.note ? [m.note] : [])),
            ]
          : []),
      ],
    };
  } finally {
    dir.remove();
  }
}

interface Passes {
  passes: Pass[];
  contacts: number;
  /** The backend's own note (the PostgreSQL server), if any. */
  note: string | null;
}

/** A first and a second pass on a new store of `kind`, over a fresh copy of the pristine portal. */
async function twoPasses(
  dir: string,
  pristine: string,
  companies: number,
  kind: BackendKind,
): Promise<Passes> {
  const sandboxDir = join(dir, `sandbox-${kind}`);
  cpSync(pristine, sandboxDir, { recursive: true });
  const sandbox = await servePortal(sandboxDir, companies, UNLIMITED);
  try {
    return await withBackend(kind, dir, async (backend) => {
      const config = benchConfig(join(dir, `data-${kind}`), 250);
      const gateway = benchGateway(sandbox, config, { headroom: NO_WAITS });
      const asked = new Set<string>();
      const counting: Gateway = {
        ...gateway,
        readContacts: (ids, properties) => {
          for (const id of ids) asked.add(id);
          return gateway.readContacts(ids, properties);
        },
      };
      const now = new Date();
      const at = await backend.storeAt(`store_${kind}`);
      const { deps, store } = await rescoreDeps(at, counting, config, () => now);
      try {
        const pass = async (label: string): Promise<Pass> => {
          sandbox.resetRequestCount();
          const summary = await runRescore(deps, { dryRun: false });
          check(summary, companies);
          return {
            label,
            backend: backend.label,
            summary,
            served: totalCalls(sandbox.requestCount()),
          };
        };
        const first = await pass('first pass (every company written)');
        const contacts = sandbox.portal.contacts;
        if (asked.size !== contacts) {
          throw new Error(
            `The pass read ${asked.size} distinct contacts; the portal has ${contacts}.`,
          );
        }
        const second = await pass('second pass (nothing changed)');
        return { passes: [first, second], contacts, note: backend.note };
      } finally {
        await store.close();
      }
    });
  } finally {
    await sandbox.close();
  }
}

/** Throws unless `other`'s passes made exactly the calls of `sqlite`'s, endpoint by endpoint. */
function sameCalls(sqlite: Passes, other: Passes): void {
  const key = (calls: Record<string, number>) =>
    JSON.stringify(Object.entries(calls).sort(([a], [b]) => a.localeCompare(b)));
  sqlite.passes.forEach((pass, i) => {
    const theirs = other.passes[i]!;
    if (key(pass.summary.apiCalls) !== key(theirs.summary.apiCalls)) {
      throw new Error(
        `The ${pass.label} made other API calls on ${theirs.backend} than on SQLite (they must not depend on the store): ${key(theirs.summary.apiCalls)} against ${key(pass.summary.apiCalls)}.`,
      );
    }
  });
}

function floorOf(companies: number, contacts: number, changed: number): Floor {
  const floor = {
    list: Math.ceil(companies / 100),
    associations: Math.ceil(companies / 1000),
    contacts: Math.ceil(contacts / 100),
    updates: Math.ceil(changed / 100),
  };
  return { ...floor, total: floor.list + floor.associations + floor.contacts + floor.updates };
}

function row(
  label: string,
  summary: RescoreSummary,
  contacts: number,
  companies: number,
): BenchRow {
  check(summary, companies);
  const calls = totalCalls(summary.apiCalls);
  const floor = floorOf(summary.companies, contacts, summary.updated);
  return {
    figure: `API calls, ${label}`,
    unit: UNIT,
    measurement: figuresOf([calls]),
    reference: { label: 'floor', median: floor.total },
    target: {
      label: `≤ ${count(Math.floor(TARGET * floor.total))}`,
      met: calls <= TARGET * floor.total,
    },
  };
}

function breakdown({ summary, served }: Pass, contacts: number, label: string): string {
  const calls = summary.apiCalls;
  const floor = floorOf(summary.companies, contacts, summary.updated);
  const part = (name: string, endpoint: string, least: number) =>
    `${name} ${count(calls[endpoint] ?? 0)} (floor ${count(least)})`;
  const parts = [
    part('list', 'companies.list', floor.list),
    part('associations', 'associations.batchRead', floor.associations),
    part('contacts', 'contacts.batchRead', floor.contacts),
    part('updates', 'companies.batchUpdate', floor.updates),
  ];
  return `${label[0]!.toUpperCase()}${label.slice(1)}: ${parts.join(', ')}; ${count(summary.updated)} companies changed; the sandbox received ${count(served)} requests.`;
}

function check(summary: RescoreSummary, companies: number): void {
  if (summary.companies !== companies || summary.failedUpdates.length > 0) {
    throw new Error(
      `The pass scored ${summary.companies} of ${companies} companies with ${summary.failedUpdates.length} failed updates.`,
    );
  }
}
