import cliProgress from 'cli-progress';
import { pino } from 'pino';
import type { RunProgress } from '../store/store.ts';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressReporter {
  update(progress: RunProgress): void;
  /** Clears the bar (or logs the end) so the summary prints on a clean line. */
  finish(outcome: 'completed' | 'failed', reason?: string): void;
}

const totalCalls = (p: RunProgress) => Object.values(p.apiCalls).reduce((a, b) => a + b, 0);

/**
 * A progress bar on a terminal; JSON log lines (pino) anywhere else, so a scheduler or a log
 * collector gets records it can parse instead of bar redraws.
 * `expected`: how many companies the portal had at the last completed run, for the ETA.
 */
export function progressReporter(
  stream: ProgressStream,
  expected: number | null,
): ProgressReporter {
  return stream.isTTY === true ? barReporter(stream, expected) : logReporter(stream);
}

function barReporter(stream: ProgressStream, expected: number | null): ProgressReporter {
  const known = expected !== null && expected > 0;
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: known
        ? 'Rescoring |{bar}| {value}/{total} companies · {pages} pages · {calls} API calls · ETA {eta_formatted}'
        : 'Rescoring · {value} companies · {pages} pages · {calls} API calls · {duration_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
      // The ETA is about the rate limit, not the CPU: a whole chunk is the smallest honest step.
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(known ? expected : 0, 0, { pages: 0, calls: 0 });
  return {
    update(p) {
      const payload = { pages: p.pagesDone, calls: totalCalls(p) };
      // The portal may have grown since the last run.
      if (known && p.companies > bar.getTotal()) bar.setTotal(p.companies);
      bar.update(p.companies, payload);
    },
    finish() {
      bar.stop();
    },
  };
}

function logReporter(stream: ProgressStream): ProgressReporter {
  const log = pino(
    { base: { name: 'vitals' }, timestamp: pino.stdTimeFunctions.isoTime },
    { write: (line: string) => stream.write(line) },
  );
  const started = Date.now();
  let last: RunProgress | null = null;
  return {
    update(p) {
      last = p;
      log.info(
        {
          pages: p.pagesDone,
          companies: p.companies,
          updated: p.updated,
          apiCalls: totalCalls(p),
          elapsedMs: Date.now() - started,
        },
        'rescore progress',
      );
    },
    finish(outcome, reason) {
      const fields = { companies: last?.companies ?? 0, elapsedMs: Date.now() - started };
      if (outcome === 'completed') log.info(fields, 'rescore finished');
      else log.warn({ ...fields, reason }, 'rescore did not finish');
    },
  };
}
