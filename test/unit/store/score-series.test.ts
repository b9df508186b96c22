import { describe, expect, it } from 'vitest';
import {
  addReading,
  decodeSeries,
  encodeSeries,
  packedAtOrBefore,
  hexTime,
  SERIES_DAYS,
  seriesOf,
} from '../../../src/store/score-series.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2025-01-01T00:00:00.000Z');

describe('packed score series', () => {
  it('reads back what it packed, scores and no-scores alike', () => {
    const series = {
      trimmed: false,
      readings: [
        { at: T0, score: 0 },
        { at: T0 + 1, score: null },
        { at: T0 + DAY, score: 100 },
      ],
    };
    expect(decodeSeries(encodeSeries(series))).toEqual(series);
  });

  it('keeps readings in time order, whatever order they come in', () => {
    let series = seriesOf([]);
    for (const at of [T0 + 2 * DAY, T0, T0 + DAY]) series = addReading(series, { at, score: 50 });
    expect(series.readings.map((r) => r.at)).toEqual([T0, T0 + DAY, T0 + 2 * DAY]);
  });

  it(`keeps the ${SERIES_DAYS} days before the newest reading and the reading in force when they begin`, () => {
    const readings = [0, 10, 20, 200].map((d) => ({ at: T0 + d * DAY, score: d }));
    const series = seriesOf(readings);
    expect(series).toEqual({ trimmed: true, readings: readings.slice(2) });
    // Nothing older to drop: not trimmed.
    expect(seriesOf(readings.slice(2)).trimmed).toBe(false);
  });

  it('compares a packed time with a week end as numbers would', () => {
    const packed = encodeSeries(seriesOf([{ at: T0, score: 1 }]));
    expect(packedAtOrBefore(packed, 0, hexTime(T0))).toBe(true);
    expect(packedAtOrBefore(packed, 0, hexTime(T0 + 1))).toBe(true);
    expect(packedAtOrBefore(packed, 0, hexTime(T0 - 1))).toBe(false);
  });
});
