import { join } from 'node:path';
import type { Gateway } from '../../src/hubspot/create-gateway.ts';
import { runRescore, type RescoreSummary } from '../../src/jobs/run-rescore.ts';
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
  summary: RescoreSummary;
  /** Requests the sandbox received during the pass. */
  served: number;
}

/** API calls of a first and a second full pass, against the fewest HubSpot's batch sizes allow. */
export async function rescoreApiCalls(): Promise<BenchSection> {
  const { passes, contacts } = await twoPasses();
  return {
    title: `Rescore API calls (sandbox portal, ${count(COMPANIES)} companies)`,
    rows: passes.map(({ label, summary }) => row(label, summary, contacts)),
    notes: [
      `Target: at most ${TARGET.toFixed(2)}× the floor. Floor = ⌈N/100⌉ list pages + ⌈N/1,000⌉ association reads + ⌈C/100⌉ contact reads + ⌈changed/100⌉ updates, with N = ${count(COMPANIES)} companies, C = ${count(contacts)} distinct associated contacts (the seeded portal's count: each sandbox contact belongs to one company, and the pass asked for exactly that many distinct ids) and changed = the pass's \`summary.updated\`. Calls are the pass's \`summary.apiCalls\`, retries included; the same portal always takes the same calls, so each pass runs once.`,
      ...passes.map((pass) => breakdown(pass, contacts)),
      'A pass works in chunks of 500 companies (5 list pages; chosen to keep peak memory under 300 MB, see below): one association read per chunk, where the floor counts one per 1,000, and each chunk may end on a part-filled contact read, where the floor rounds up once for the whole portal.',
      '`runRescore` scores and writes only (no `plays` in its deps, so no task or sequence calls). Sandbox limit lifted (1,000,000 per 10 s) and gateway headroom raised so no call waits or is refused; both passes run one after the other on the same store with the same `now`, so nothing ages between them.',
    ],
  };
}

async function twoPasses(): Promise<{ passes: Pass[]; contacts: number }> {
  const dir = tempDir('calls');
  try {
    const sandboxDir = join(dir.path, 'sandbox');
    await preparePortal(sandboxDir, COMPANIES);
    const sandbox = await servePortal(sandboxDir, COMPANIES, UNLIMITED);
    try {
      const config = benchConfig(dir.path, 250);
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
      const { deps, store } = await rescoreDeps(dir.path, counting, config, () => now);
      try {
        const pass = async (label: string): Promise<Pass> => {
          sandbox.resetRequestCount();
          const summary = await runRescore(deps, { dryRun: false });
          return { label, summary, served: totalCalls(sandbox.requestCount()) };
        };
        const first = await pass('first pass (every company written)');
        const contacts = sandbox.portal.contacts;
        if (asked.size !== contacts) {
          throw new Error(
            `The pass read ${asked.size} distinct contacts; the portal has ${contacts}.`,
          );
        }
        const second = await pass('second pass (nothing changed)');
        return { passes: [first, second], contacts };
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

function floorOf(companies: number, contacts: number, changed: number): Floor {
  const floor = {
    list: Math.ceil(companies / 100),
    associations: Math.ceil(companies / 1000),
    contacts: Math.ceil(contacts / 100),
    updates: Math.ceil(changed / 100),
  };
  return { ...floor, total: floor.list + floor.associations + floor.contacts + floor.updates };
}

function row(label: string, summary: RescoreSummary, contacts: number): BenchRow {
  check(summary);
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

function breakdown({ label, summary, served }: Pass, contacts: number): string {
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

function check(summary: RescoreSummary): void {
  if (summary.companies !== COMPANIES || summary.failedUpdates.length > 0) {
    throw new Error(
      `The pass scored ${summary.companies} of ${COMPANIES} companies with ${summary.failedUpdates.length} failed updates.`,
    );
  }
}
