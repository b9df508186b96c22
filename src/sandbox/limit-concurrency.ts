/**
 * Runs at most `size` tasks at once; the rest wait their turn, in order. A task still waiting
 * when `signal` aborts is not run: its promise rejects with the abort reason.
 */
export function limitConcurrency(size: number, signal: AbortSignal) {
  let free = size;
  const waiting: (() => void)[] = [];
  signal.addEventListener('abort', () => waiting.splice(0).forEach((wake) => wake()), {
    once: true,
  });
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (free > 0) free -= 1;
    else await new Promise<void>((wake) => waiting.push(wake));
    try {
      signal.throwIfAborted();
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}
