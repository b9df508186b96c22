// Preloaded into a CLI process a test starts (see slow-clock.ts): its clock starts at the instant
// in VITALS_TEST_CLOCK and runs a thousand times slower than real time.

const start = Date.parse(process.env.VITALS_TEST_CLOCK ?? '');
const SLOWER = 1000;

if (!Number.isNaN(start)) {
  const RealDate = Date;
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
}
