import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { episodeOf, evaluate, madeBy, plus, whyOf, ZONES } from './lifecycle-input.ts';

const id = 'anniversary';

describe.each(ZONES)('customer anniversaries in %s', (zone) => {
  const on = (start: string, today: string) => evaluate({ zone, start, today });

  describe.each<[string, [string, string][]]>([
    // A plain start date, and a Feb 29 one: its anniversaries fall on Feb 28.
    [
      '2024-03-15',
      [
        ['six months', '2024-09-15'],
        ['one year', '2025-03-15'],
        ['2 years', '2026-03-15'],
        ['5 years', '2029-03-15'],
        ['10 years', '2034-03-15'],
      ],
    ],
    [
      '2024-02-29',
      [
        ['six months', '2024-08-29'],
        ['one year', '2025-02-28'],
        ['2 years', '2026-02-28'],
        ['5 years', '2029-02-28'],
        ['10 years', '2034-02-28'],
      ],
    ],
  ])('for a customer since %s', (start, marks) => {
    it.each(marks)('marks %s on %s, from 7 days before to 14 after', (words, date) => {
      expect(episodeOf(on(start, plus(date, -8)), id)).toBeNull();
      const ahead = on(start, plus(date, -7));
      expect(episodeOf(ahead, id)).toBe(date);
      expect(whyOf(ahead, id)).toBe(`${words} as a customer on ${date}`);
      expect(madeBy(ahead, id)).toEqual([
        expect.objectContaining({ kind: 'task', key: `c1:${id}:${date}`, type: 'EMAIL' }),
      ]);
      expect(episodeOf(on(start, date), id)).toBe(date);
      expect(episodeOf(on(start, plus(date, 14)), id)).toBe(date);
      expect(episodeOf(on(start, plus(date, 15)), id)).toBeNull();
    });

    it('marks no other year: not 3, 4, 6 or 7 years', () => {
      for (const years of [3, 4, 6, 7]) {
        const date = DateTime.fromISO(start).plus({ years }).toISODate()!;
        const outcome = on(start, date);
        expect(episodeOf(outcome, id)).toBeNull();
        expect(whyOf(outcome, id)).toBe(`no anniversary near (a customer since ${start})`);
      }
    });
  });

  it('marks nothing without a start date', () => {
    const outcome = evaluate({ zone, today: '2025-03-15' });
    expect(madeBy(outcome, id)).toEqual([]);
    expect(whyOf(outcome, id)).toMatch(/no start date is mapped/);
  });
});
