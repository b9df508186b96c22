import type { Measurement } from './measure.ts';

/** One figure of a benchmark area: what was measured, against what, and the goal it serves. */
export interface BenchRow {
  figure: string;
  unit: string;
  measurement: Measurement;
  /** What the figure is compared with; the ratio is figure ÷ reference. */
  reference?: { label: string; median: number };
  /** The goal, e.g. "≥ 1,000,000 accounts/s", and whether the median reaches it. */
  target?: { label: string; met: boolean };
}

/** One area of BENCHMARKS.md; each benchmark module returns one, run-benchmarks lists them. */
export interface BenchSection {
  title: string;
  rows: BenchRow[];
  notes: string[];
}
