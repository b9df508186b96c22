import { describe, expect, it } from 'vitest';
import { sparkline, sparkMark } from '../../../src/brief/sparkline.ts';
import { daysAgo, NOW, ZONE } from './brief-fixtures.ts';

const at = (days: number, score: number | null) => ({ scoredAt: daysAgo(days), score });

describe('sparkMark', () => {
  it('places a score in one of eight equal bands of 0–100', () => {
    const marks = [0, 12, 13, 25, 37, 38, 50, 62, 63, 74, 75, 87, 88, 100].map(sparkMark);
    expect(marks.join('')).toBe('▁▁▂▃▃▄▅▅▆▆▇▇██');
  });

  it('shows a missing score as a dot and keeps odd values on the scale', () => {
    expect(sparkMark(null)).toBe('·');
    expect(sparkMark(-5)).toBe('▁');
    expect(sparkMark(140)).toBe('█');
  });
});

describe('sparkline', () => {
  it('draws a flat 80 as a flat line high up, not as a cliff', () => {
    const line = sparkline([at(120, 80)], 80, NOW, ZONE);
    expect(line.marks).toBe('▇'.repeat(13));
    expect(line.words).toBe('from 80 on 2026-09-13 to 80 on 2026-12-06, no change');
    // On a min–max scale a flat 20 would look the same as a flat 80; here it sits low.
    expect(sparkline([at(120, 20)], 20, NOW, ZONE).marks).toBe('▂'.repeat(13));
  });

  it('carries a reading forward until the next one: the store keeps only changes', () => {
    const line = sparkline([at(100, 90), at(50, 60)], 60, NOW, ZONE);
    // Weeks ending 84…56 days ago still have 90; from 49 days ago on, 60.
    expect(line.marks).toBe('█████▅▅▅▅▅▅▅▅');
  });

  it('shows a dot for the weeks before the first score and for a scoring without data', () => {
    const history = [at(30, 60), at(16, null), at(10, 40)];
    const line = sparkline(history, 30, NOW, ZONE);
    expect(line.marks).toBe('········▅▅·▄▃');
    expect(line.weeks[8]).toEqual({ weekEnding: '2026-11-08', score: 60 });
    expect(line.words).toBe('from 60 on 2026-11-08 to 30 on 2026-12-06, down 30');
  });

  it('draws a steady fall week by week', () => {
    const scores = [100, 92, 84, 76, 68, 60, 52, 44, 36, 28, 20, 12];
    const history = scores.map((score, i) => at((12 - i) * 7, score));
    const line = sparkline(history, 4, NOW, ZONE);
    expect(line.marks).toBe('██▇▇▆▅▅▄▃▃▂▁▁');
    expect(line.words).toBe('from 100 on 2026-09-13 to 4 on 2026-12-06, down 96');
  });

  it('names a dip that the two ends hide', () => {
    const line = sparkline([at(100, 80), at(45, 41), at(20, 78)], 82, NOW, ZONE);
    expect(line.words).toBe(
      'from 80 on 2026-09-13 to 82 on 2026-12-06, up 2 (lowest 41 on 2026-10-25)',
    );
  });

  it('says when there is nothing or only today to show', () => {
    const none = sparkline([], null, NOW, ZONE);
    expect(none.marks).toBe('·'.repeat(13));
    expect(none.words).toBe('no scores in the last 13 weeks');
    const today = sparkline([], 58, NOW, ZONE);
    expect(today.marks).toBe(`${'·'.repeat(12)}▅`);
    expect(today.words).toBe('one week with a score so far: 58 on 2026-12-06');
  });

  it("ends its weeks on the portal's own days", () => {
    // 23:30 UTC on 5 December is already 6 December in Tokyo.
    const now = new Date('2026-12-05T23:30:00Z');
    const line = sparkline([], 70, now, 'Asia/Tokyo');
    expect(line.weeks.at(-1)!.weekEnding).toBe('2026-12-06');
    expect(line.weeks[0]!.weekEnding).toBe('2026-09-13');
  });

  it('ignores readings after now and unreadable ones', () => {
    const line = sparkline(
      [at(100, 50), { scoredAt: 'not a date', score: 0 }, at(-3, 0)],
      50,
      NOW,
      ZONE,
    );
    expect(line.marks).toBe('▅'.repeat(13));
  });
});
