import type { RunProgress } from '../store/store.ts';
import type { Io } from './process-io.ts';

/** One line per committed chunk: pages, companies, API calls so far. */
export function progressReporter(io: Io): (progress: RunProgress) => void {
  const started = Date.now();
  return (p) => {
    const calls = Object.values(p.apiCalls).reduce((a, b) => a + b, 0);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.err(
      `  … ${p.pagesDone} pages, ${p.companies} companies, ${calls} API calls, ${seconds} s\n`,
    );
  };
}
