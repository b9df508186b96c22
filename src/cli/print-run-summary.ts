import type { RescoreSummary } from '../jobs/run-rescore.ts';
import { adoptionLine, uncertainLine } from './adoption-line.ts';
import type { Io } from './process-io.ts';

const money = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;

/** The summary a person reads after a run: what moved, where the money sits, what it cost. */
export function printRunSummary(
  summary: RescoreSummary,
  tierLabels: ReadonlyMap<string, string>,
  io: Io,
): void {
  const verb = summary.dryRun ? 'would be updated' : 'updated';
  io.out(
    `${summary.companies} companies read, ${summary.scored} scored, ${summary.updated} ${verb}, ${summary.unchanged} unchanged` +
      `${summary.resumed ? ' (carried on from an interrupted run)' : ''} in ${(summary.durationMs / 1000).toFixed(1)} s.\n\n`,
  );
  io.out('Tier         Accounts  MRR\n');
  // In the model's order, best tier first, so the table reads like the tiers themselves.
  for (const [tier, label] of tierLabels) {
    const row = summary.portfolio.tiers[tier];
    if (row) io.out(`${label.padEnd(12)} ${String(row.accounts).padStart(8)}  ${money(row.mrr)}\n`);
  }
  const movers = [...summary.portfolio.down, ...summary.portfolio.up];
  if (movers.length > 0) {
    io.out('\nBiggest movers since the last run:\n');
    for (const m of movers) io.out(`  ${(m.name ?? m.id).padEnd(34)} ${m.from} → ${m.to}\n`);
  }
  const calls = Object.entries(summary.apiCalls);
  const total = calls.reduce((sum, [, n]) => sum + n, 0);
  io.out(
    `\nHubSpot API calls: ${total} (${calls.map(([k, n]) => `${k} ${n}`).join(', ') || 'none'})\n`,
  );
  if (summary.adopted) io.out(`\n${adoptionLine(summary.adopted)}\n`);
  const uncertain = summary.plays.uncertain.length;
  if (uncertain > 0 || (summary.unsettled ?? 0) > 0)
    io.out(`\n${uncertainLine(uncertain, summary.unsettled ?? 0)}\n`);
  for (const f of summary.failedUpdates.slice(0, 10))
    io.err(`Company ${f.id} was not updated: ${f.message}\n`);
  for (const notice of (summary.notices ?? []).slice(0, 10)) io.err(`${notice}\n`);
}
