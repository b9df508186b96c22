import type { Store } from '../../src/store/store.ts';

/** Time spent awaiting one store method, over all its calls. */
export interface StoreCallTime {
  calls: number;
  ms: number;
}

/**
 * The store as it is, with the time from each call to its answer added up by method: where a
 * pass waits on its store, to tell which call a slower backend spends its time in. A pass
 * awaits each store call before going on, so these times are part of its wall time.
 */
export function timedStore(store: Store): { store: Store; times(): Record<string, StoreCallTime> } {
  const times: Record<string, StoreCallTime> = {};
  const record = (name: string, started: number) => {
    const time = (times[name] ??= { calls: 0, ms: 0 });
    time.calls += 1;
    time.ms += performance.now() - started;
  };
  const timed = Object.fromEntries(
    Object.entries(store).map(([name, value]) => {
      if (typeof value !== 'function') return [name, value];
      const method = value as (...args: unknown[]) => unknown;
      return [
        name,
        // Only what answers with a promise is a call to wait on (rateBudget() answers at once).
        (...args: unknown[]) => {
          const started = performance.now();
          const result = method(...args);
          return result instanceof Promise ? result.finally(() => record(name, started)) : result;
        },
      ];
    }),
  ) as unknown as Store;
  return { store: timed, times: () => structuredClone(times) };
}
