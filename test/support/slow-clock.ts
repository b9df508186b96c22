/**
 * Environment for a CLI process whose clock starts at `at` and runs a thousand times slower than
 * real time (slow-clock-preload.ts). Whole-day values (days since the last contact, the age of an
 * event) then read the same in every process of a test. With the real clock some company's day
 * count now and then ticks over between two runs, and the second run rightly rewrites it: that
 * made "a second run writes nothing" fail at random (e.g. "updated 1, unchanged 299").
 */
export function slowClockEnv(at: Date): Record<string, string> {
  const preload = new URL('./slow-clock-preload.ts', import.meta.url).href;
  const options = [process.env.NODE_OPTIONS, `--import=${preload}`].filter(Boolean).join(' ');
  return { NODE_OPTIONS: options, VITALS_TEST_CLOCK: at.toISOString() };
}
