// Real `vitals` CLI processes for the scale-out failover test: a one-off `vitals setup`, and
// `vitals start` replicas (schedule, card API and webhook intake) that the test watches through
// their output and SIGKILLs. Every child goes into the webhook kill test's `children`, so its
// killAll() ends them whatever happens.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childOutput } from './child-output.ts';
import { children } from './webhook-kill-processes.ts';

export { freePort, killAll } from './webhook-kill-processes.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'src/cli/vitals.js');

/** `vitals setup`: a run against a real portal refuses to write until it has run once. */
export function setupPortal(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [CLI, 'setup'],
      { cwd: ROOT, env },
      (error, stdout, stderr) => {
        children.delete(child);
        if (error) reject(new Error(`vitals setup failed: ${error.message}\n${stdout}${stderr}`));
        else resolve(stdout);
      },
    );
    children.add(child);
  });
}

export interface Replica {
  name: string;
  child: ChildProcess;
  pid: number;
  port: number;
  publicUrl: string;
  /** The JSON lines it logged on stderr, parsed. */
  logs: Record<string, unknown>[];
  /** Everything it printed, for failure messages. */
  output(): string;
  /** Whether it still runs (not exited, not killed). */
  alive(): boolean;
  /** Resolves once the process has exited, with its exit code or signal. */
  exited: Promise<string>;
  /** Resolves once its card API and webhook intake listen (after its first run). */
  listening: Promise<void>;
}

/**
 * Spawns `vitals start` with `env` (its own PORT and VITALS_PUBLIC_URL in it). Returns at once:
 * a replica's first run may wait for another's, so the caller decides what to wait for.
 */
export function startReplica(
  name: string,
  env: NodeJS.ProcessEnv & { PORT: string; VITALS_PUBLIC_URL: string },
): Replica {
  const child = spawn(process.execPath, [CLI, 'start'], { cwd: ROOT, env });
  children.add(child);
  const { logs, stdout, stderr } = childOutput(child);
  let done = false;
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      children.delete(child);
      resolve(signal ?? `exit ${code}`);
    }),
  );
  const output = () =>
    `${name} (pid ${child.pid}) stdout:\n${stdout()}\n${name} stderr:\n${stderr()}`;
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => {
      if (stdout().includes('Card API listening on')) resolve();
    });
    child.once('error', reject);
    void exited.then((how) =>
      reject(new Error(`${name} ended (${how}) before its card API listened.\n${output()}`)),
    );
  });
  // Rejections are read by whoever awaits `listening`; an unread one must not fail the run.
  listening.catch(() => {});
  return {
    name,
    child,
    pid: child.pid!,
    port: Number(env.PORT),
    publicUrl: env.VITALS_PUBLIC_URL,
    logs,
    output,
    alive: () => !done,
    exited,
    listening,
  };
}

/** SIGKILLs the replica and waits until it is gone: no cleanup of its own runs. */
export async function killHard(replica: Replica): Promise<string> {
  replica.child.kill('SIGKILL');
  return replica.exited;
}
