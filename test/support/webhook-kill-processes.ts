// Real `vitals` CLI processes for the webhook kill test (test/integration/webhook-kill.test.ts):
// a baseline `vitals run --once`, and `vitals serve` children that are waited on through their
// output and SIGKILLed by the test.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childOutput } from './child-output.ts';

export { freePort } from './free-port.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'src/cli/vitals.js');

/** Every child the test started, so afterAll can kill what is still alive whatever happened. */
export const children = new Set<ChildProcess>();

export function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}

/** `vitals run --once --json` as a child process: its summary, or its stderr on failure. */
export function runOnce(env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [CLI, 'run', '--once', '--json'],
      { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        children.delete(child);
        if (error) reject(new Error(`vitals run --once failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as Record<string, unknown>);
      },
    );
    children.add(child);
  });
}

export interface ServeProcess {
  child: ChildProcess;
  /** The JSON lines it logged on stderr, parsed. */
  logs: Record<string, unknown>[];
  /** Everything it printed, for failure messages. */
  output(): string;
  /** Resolves once the process has exited, with its signal (null when it exited by itself). */
  exited: Promise<NodeJS.Signals | null>;
}

/**
 * Starts `vitals serve` and resolves once it has said "Card API listening" on stdout; rejects
 * with its output when it exits first or does not say it within `timeoutMs`.
 */
export function startServe(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve'], { cwd: ROOT, env });
  children.add(child);
  const { logs, stdout, stderr } = childOutput(child);
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => {
      children.delete(child);
      resolve(signal);
    }),
  );
  const output = () => `stdout:\n${stdout()}\nstderr:\n${stderr()}`;
  const serve: ServeProcess = { child, logs, output, exited };
  const listening = new Promise<ServeProcess>((resolve, reject) => {
    child.stdout.on('data', () => {
      if (stdout().includes('Card API listening on')) resolve(serve);
    });
    child.once('error', reject);
    void exited.then(() => reject(new Error(`vitals serve exited before listening.\n${output()}`)));
  });
  return within(timeoutMs, listening, () => `vitals serve did not start listening.\n${output()}`);
}

function within<T>(ms: number, promise: Promise<T>, why: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(why())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
