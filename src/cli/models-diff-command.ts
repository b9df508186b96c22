import { modelChanges, tierMoves, type TierMoves } from '../backtest/model-diff.ts';
import { modelVersion } from '../models/model-version.ts';
import { compileModel } from '../scoring/compile-model.ts';
import type { Store } from '../store/store.ts';
import { openStore } from '../store/open-store.ts';
import { explainAppError, loadConfigOrExplain } from './app-errors.ts';
import { EXIT } from './cli-error.ts';
import { loadCliModel } from './load-cli-model.ts';
import type { Io } from './process-io.ts';
import { reportPortal } from './report-portal.ts';

export const MODELS_DIFF_HELP = `
Lists what differs between two models (presets or files) and, from the latest month of signal
snapshots the runs kept, how many accounts would change tier if B replaced A. Reads the model
files and the store only: no HubSpot call.

Example:
  vitals models diff retention-os ./retention-os-suggested.yaml`;

/** `vitals models diff A B`: what changed, and how many accounts would move tier. */
export async function modelsDiffCommand(a: string, b: string, io: Io): Promise<number> {
  const [ma, mb] = [loadCliModel(a), loadCliModel(b)];
  const changes = modelChanges(ma, mb);
  io.out(`${a} (${ma.name} ${modelVersion(ma)}) → ${b} (${mb.name} ${modelVersion(mb)})\n\n`);
  if (changes.length === 0) io.out('The two models score alike: nothing differs.\n');
  else for (const line of changes) io.out(`  ${line}\n`);
  const config = loadConfigOrExplain();
  const store = await openStore(config).catch((error: unknown) => {
    throw explainAppError(error);
  });
  try {
    const moves = await latestMoves(store, config.hubspot.mode, compileModel(ma), compileModel(mb));
    io.out(`\n${describeMoves(moves)}\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

async function latestMoves(
  store: Store,
  source: 'sandbox' | 'hubspot',
  a: ReturnType<typeof compileModel>,
  b: ReturnType<typeof compileModel>,
): Promise<(TierMoves & { month: string }) | string> {
  const run = await reportPortal(store, source).catch(() => null);
  if (!run)
    return 'No run has saved this portal yet, so there are no accounts to move: run `vitals run --once` and ask again.';
  const span = await store.snapshotMonths(run.portal);
  if (span.last === null)
    return 'No signal snapshots are kept yet (runs keep one per company and month from this version on), so the accounts that would move cannot be counted yet.';
  const readings = [];
  for await (const page of store.signalSnapshots(run.portal, { from: span.last, to: span.last }))
    readings.push(...page);
  return { ...tierMoves(a, b, readings), month: span.last };
}

function describeMoves(moves: (TierMoves & { month: string }) | string): string {
  if (typeof moves === 'string') return moves;
  const head = `From the signals of ${moves.month}: ${moves.changed} of ${moves.accounts} accounts would change tier.`;
  return [head, ...moves.moves.map((m) => `  ${m.from} → ${m.to}: ${m.accounts}`)].join('\n');
}
