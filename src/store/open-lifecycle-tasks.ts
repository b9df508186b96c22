import type { TaskAction } from '../plays/play-types.ts';
import type { LedgerEntry } from './store.ts';

/**
 * The lifecycle tasks among ledger entries that are made and not yet completed by Vitals (no
 * `<key>:close` entry), per company, as they were planned. Both stores read the entries of the
 * rules asked for and answer through this.
 */
export function openLifecycleTasks(entries: readonly LedgerEntry[]): Map<string, TaskAction[]> {
  const closed = new Set(
    entries.filter((e) => e.kind === 'task-update' && e.key.endsWith(':close')).map((e) => e.key),
  );
  const out = new Map<string, TaskAction[]>();
  for (const e of entries) {
    if (e.kind !== 'task' || e.status !== 'done' || e.action.kind !== 'task') continue;
    if (closed.has(`${e.key}:close`)) continue;
    const tasks = out.get(e.companyId) ?? [];
    tasks.push(e.action);
    out.set(e.companyId, tasks);
  }
  return out;
}
