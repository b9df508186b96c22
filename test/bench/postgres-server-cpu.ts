import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { query } from './postgres-query.ts';

// The PostgreSQL server is processes of its own (the postmaster, a backend per connection, the
// WAL writer, the checkpointer…), whose CPU no timer in the bench sees. Read from /proc, it says
// how much of the machine the server took for the work measured: on a small machine, CPU the
// bench's own threads could not have.

/**
 * A reader of the CPU time (ms) the server at `adminUrl` has used so far, all its processes
 * together; null where /proc is not there to read.
 */
export async function postgresServerCpu(adminUrl: string): Promise<(() => number) | null> {
  if (!existsSync('/proc/self/stat')) return null;
  const [row] = await query<{ setting: string }>(
    adminUrl,
    "SELECT current_setting('data_directory') AS setting",
  );
  const pidFile = readFileSync(join(row!.setting, 'postmaster.pid'), 'utf8');
  const postmaster = Number(pidFile.split('\n')[0]);
  const msPerTick = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
  return () => ticksUnder(postmaster) * msPerTick;
}

/**
 * Clock ticks of `root` and every process under it, their reaped children included (a backend
 * whose connection closed is counted in the postmaster's).
 */
function ticksUnder(root: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let ticks = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return ticks;
}

function readStat(pid: number): { ppid: number; ticks: number } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // Gone since the listing.
  }
  // After the command name in parentheses: state, ppid, … utime, stime, cutime, cstime.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return { ppid: Number(fields[1]), ticks };
}
