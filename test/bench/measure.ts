export interface MeasureOptions {
  /** Timed runs; the figure is their median. */
  runs: number;
  /** Untimed passes first, for at least this long, so the JIT has settled. */
  warmupMs: number;
  /** Each timed run repeats the pass until it lasts about this long. */
  runMs: number;
}

export interface Measurement {
  /** Items per second. */
  median: number;
  min: number;
  max: number;
  runs: number;
}

/**
 * Items per second of `pass`, which handles `items` items and returns a checksum of its results.
 * The checksum is compared on every pass, so the work is used and cannot be optimised away.
 */
export function measure(pass: () => number, items: number, options: MeasureOptions): Measurement {
  const expected = pass();
  const check = (checksum: number) => {
    if (checksum !== expected) throw new Error(`A pass returned ${checksum}, not ${expected}.`);
  };
  let passes = 0;
  const warmupStart = process.hrtime.bigint();
  while (passes < 2 || msSince(warmupStart) < options.warmupMs) {
    check(pass());
    passes++;
  }
  const passesPerRun = Math.max(1, Math.round(options.runMs / (msSince(warmupStart) / passes)));
  const rates: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const start = process.hrtime.bigint();
    for (let p = 0; p < passesPerRun; p++) check(pass());
    rates.push((items * passesPerRun * 1000) / msSince(start));
  }
  rates.sort((a, b) => a - b);
  return {
    median: rates[Math.floor(rates.length / 2)]!,
    min: rates[0]!,
    max: rates[rates.length - 1]!,
    runs: rates.length,
  };
}

function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
