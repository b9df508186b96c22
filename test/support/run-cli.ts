import { main } from '../../src/cli/main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Variables on top of the test process's own; HUBSPOT_ACCESS_TOKEN, VITALS_CONFIG and
   * DATABASE_URL start empty. */
  env?: Record<string, string>;
  /** Write to stdout as to a terminal (colours on). */
  tty?: boolean;
  /** The clock starts here and runs a thousand times slower than real time (see slowClockEnv). */
  clock?: Date;
}

const SLOWER = 1000;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `vitals ARGS` in this process, as the bin would, with its output captured. For tests where
 * the process boundary is not what is tested: a CLI process costs a Node start and a TypeScript
 * load, seconds on a busy machine. The environment and the clock are the process's own, so runs
 * take turns.
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const turn = queue.then(() => runAlone(args, options));
  queue = turn.catch(() => undefined);
  return turn;
}

async function runAlone(args: readonly string[], options: CliOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io = {
    out: (text: string) => void (stdout += text),
    err: (text: string) => void (stderr += text),
    color: options.tty === true,
    errIsTTY: false,
  };
  const restoreEnv = setEnv({
    HUBSPOT_ACCESS_TOKEN: '',
    VITALS_CONFIG: '',
    DATABASE_URL: '',
    ...options.env,
  });
  const restoreClock = options.clock ? slowClock(options.clock) : () => undefined;
  try {
    const code = await main(['node', 'vitals', ...args], io);
    return { code, stdout, stderr };
  } catch (error) {
    // What src/cli/vitals.js does with an error main does not handle.
    stderr += `Vitals stopped on an unexpected error; please report it with this output:\n${String(error)}\n`;
    return { code: 3, stdout, stderr };
  } finally {
    restoreClock();
    restoreEnv();
  }
}

function setEnv(values: Record<string, string>): () => void {
  const before = new Map(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of before) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/** The slow clock of slow-clock-preload.ts, for this process and only until restored. */
function slowClock(at: Date): () => void {
  const RealDate = globalThis.Date;
  const start = at.getTime();
  const realStart = RealDate.now();
  const now = () => start + Math.floor((RealDate.now() - realStart) / SLOWER);
  class SlowDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return now();
    }
  }
  globalThis.Date = SlowDate as DateConstructor;
  return () => {
    globalThis.Date = RealDate;
  };
}
