import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/signals/parse-number.ts';
import { parseTimestamp } from '../../../src/signals/parse-timestamp.ts';

describe('parseNumber', () => {
  it.each([
    ['42', 42],
    ['-3.5', -3.5],
    ['+7', 7],
    ['.5', 0.5],
    ['1e3', 1000],
    ['0012', 12],
  ])('reads %s as %s', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['', 'abc', '12%', '1,000', '0x10', 'Infinity', 'NaN', '1e999', '3 days'])(
    'refuses %j rather than guessing',
    (text) => {
      expect(parseNumber(text)).toBeNull();
    },
  );
});

describe('parseTimestamp', () => {
  it('reads HubSpot dates as midnight UTC', () => {
    expect(parseTimestamp('2025-03-01')).toBe(Date.UTC(2025, 2, 1));
  });

  it('reads ISO date-times with Z, an offset, or no zone (taken as UTC)', () => {
    expect(parseTimestamp('2025-03-01T09:30:00.000Z')).toBe(Date.UTC(2025, 2, 1, 9, 30));
    expect(parseTimestamp('2025-03-01T09:30:00+02:00')).toBe(Date.UTC(2025, 2, 1, 7, 30));
    expect(parseTimestamp('2025-03-01T09:30:00+0200')).toBe(Date.UTC(2025, 2, 1, 7, 30));
    expect(parseTimestamp('2025-03-01T09:30')).toBe(Date.UTC(2025, 2, 1, 9, 30));
  });

  it('reads epoch milliseconds', () => {
    expect(parseTimestamp('1740821400000')).toBe(1740821400000);
  });

  it.each(['2025-02-30', '2025-13-01', 'yesterday', '01/03/2025', '2025-03-01T25:00:00Z', '12'])(
    'refuses %j',
    (text) => {
      expect(parseTimestamp(text)).toBeNull();
    },
  );
});
