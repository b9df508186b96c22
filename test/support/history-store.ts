import type { ChurnHistory } from '../../src/sandbox/churn-history.ts';
import type { Store } from '../../src/store/store.ts';

/** A completed run of the sandbox portal, so commands that need one find it. */
export async function completedRun(store: Pick<Store, 'startRun' | 'finishRun'>): Promise<void> {
  const run = await store.startRun({
    portal: 'sandbox',
    kind: 'full',
    source: 'sandbox',
    dryRun: false,
  });
  await store.finishRun(run.id, { status: 'completed' });
}

/**
 * A drawn churn history in the store as runs would have left it: each account's facts (its churn
 * date) and its monthly snapshots, under the sandbox portal.
 */
export async function storeHistory(
  store: Pick<Store, 'putAccountFacts' | 'putSignalSnapshots'>,
  history: ChurnHistory,
  updatedAt: string,
): Promise<void> {
  await store.putAccountFacts(
    [...history.fates].map(([companyId, fate]) => ({
      portal: 'sandbox',
      companyId,
      name: history.names.get(companyId)!,
      ownerId: null,
      segment: null,
      mrr: 500,
      renewalDate: null,
      churnedAt: fate.churnedAt,
      customerSince: null,
      expansionSeen: {},
      updatedAt,
    })),
  );
  await store.putSignalSnapshots(history.readings.map((r) => ({ portal: 'sandbox', ...r })));
}
