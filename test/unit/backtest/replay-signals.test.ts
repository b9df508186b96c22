import { describe, expect, it } from 'vitest';
import { signalsFor, type StoredSignals } from '../../../src/backtest/replay-signals.ts';
import { scoreAccount } from '../../../src/scoring/score-account.ts';
import { compileTiny, preset } from '../../support/models.ts';

/**
 * One signal of each kind the replay must police: an enum, a bounded number, a whole number, a
 * number that also takes words, and an unbounded number; two modifiers.
 */
const model = compileTiny({
  dimensions: [
    {
      key: 'usage',
      label: 'Usage',
      weight: 60,
      signals: [
        {
          key: 'seats_used_pct',
          label: 'Seats used',
          type: 'number',
          min: 0,
          max: 100,
          bands: [{ atLeast: 80, points: 10 }, { atLeast: 40, points: 5 }, { points: 0 }],
        },
        {
          key: 'features',
          label: 'Features',
          type: 'number',
          integer: true,
          min: 1,
          bands: [{ atLeast: 3, points: 10 }, { points: 2 }],
        },
        {
          key: 'balance',
          label: 'Balance',
          type: 'number',
          bands: [{ atLeast: 0, points: 10 }, { points: 0 }],
        },
      ],
    },
    {
      key: 'support',
      label: 'Support',
      weight: 40,
      signals: [
        { key: 'mood', label: 'Mood', type: 'enum', values: { happy: 10, meh: 5, angry: 0 } },
        {
          key: 'reply_days',
          label: 'Reply days',
          type: 'number',
          min: 0,
          bands: [{ below: 2, points: 10 }, { points: 3 }],
          words: { none: 1 },
        },
      ],
    },
  ],
  modifiers: [
    {
      key: 'nps',
      label: 'NPS',
      integer: true,
      min: 0,
      max: 10,
      when: { atMost: 6 },
      effect: { capAtTopOf: 'okay' },
    },
    {
      key: 'days_quiet',
      label: 'Days quiet',
      when: { atLeast: 21 },
      effect: { penalty: 10 },
    },
  ],
});

const KEYS = ['seats_used_pct', 'features', 'balance', 'mood', 'reply_days'];
const replay = signalsFor(model);

function stored(
  signals: StoredSignals['signals'],
  modifiers: StoredSignals['modifiers'] = {},
  segment: string | null = null,
): StoredSignals {
  return { segment, signals, modifiers };
}

/** What the replay makes of one signal's stored value, every other signal left out. */
const one = (key: string, value: number | string | null) =>
  replay(stored({ [key]: value })).signals[key];

describe('signalsFor: values the model accepts', () => {
  it('passes through every value the model would accept, unchanged', () => {
    const values = {
      seats_used_pct: 55.5,
      features: 4,
      balance: -250,
      mood: 'meh',
      reply_days: 'none',
    };
    expect(replay(stored(values, { nps: 8, days_quiet: 3.5 }, 'smb'))).toEqual({
      segment: 'smb',
      signals: values,
      modifiers: { nps: 8, days_quiet: 3.5 },
    });
  });

  it('accepts a number exactly at min and exactly at max', () => {
    expect(one('seats_used_pct', 0)).toBe(0);
    expect(one('seats_used_pct', 100)).toBe(100);
    expect(one('features', 1)).toBe(1);
  });

  it('accepts a plain number for a signal that also takes words', () => {
    expect(one('reply_days', 1.5)).toBe(1.5);
  });

  it('gives every signal of the model a key, null when the reading had none', () => {
    const result = replay(stored({ mood: 'happy' }));
    expect(Object.keys(result.signals).sort()).toEqual([...KEYS].sort());
    expect(result.signals).toEqual({
      seats_used_pct: null,
      features: null,
      balance: null,
      mood: 'happy',
      reply_days: null,
    });
  });
});

describe('signalsFor: values the model would refuse become null', () => {
  it('refuses an enum word the signal does not know', () => {
    expect(one('mood', 'ecstatic')).toBeNull();
    expect(one('mood', 'Happy')).toBeNull();
  });

  it('refuses a number for an enum signal', () => {
    expect(one('mood', 10)).toBeNull();
  });

  it('refuses numbers below min or above max', () => {
    expect(one('seats_used_pct', -0.01)).toBeNull();
    expect(one('seats_used_pct', 100.01)).toBeNull();
    expect(one('features', 0)).toBeNull();
    expect(one('reply_days', -1)).toBeNull();
  });

  it('refuses a fraction for a whole-number signal but not for a plain number', () => {
    expect(one('features', 3.5)).toBeNull();
    expect(one('seats_used_pct', 3.5)).toBe(3.5);
  });

  it('refuses a word that is not among the signal’s words', () => {
    expect(one('reply_days', 'never')).toBeNull();
    // A signal with no words at all takes no string, not even a number written as text.
    expect(one('seats_used_pct', 'none')).toBeNull();
    expect(one('seats_used_pct', '50')).toBeNull();
  });

  it('refuses NaN and the infinities, even for a signal without bounds', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      expect(one('balance', bad)).toBeNull();
      expect(one('reply_days', bad)).toBeNull();
    }
  });

  it('refuses inherited object properties as enum words', () => {
    expect(one('mood', 'toString')).toBeNull();
    expect(one('mood', 'constructor')).toBeNull();
    expect(one('reply_days', 'hasOwnProperty')).toBeNull();
  });

  it('treats a refused value as no data, so scoring never throws on it', () => {
    // Scored as given, the unknown word would throw; replayed, it is as if it were missing.
    expect(() => scoreAccount(model, { signals: { mood: 'ecstatic' } })).toThrow();
    const refused = replay(stored({ mood: 'ecstatic', seats_used_pct: 90 }));
    const missing = replay(stored({ seats_used_pct: 90 }));
    expect(scoreAccount(model, refused)).toEqual(scoreAccount(model, missing));
  });
});

describe('signalsFor: keys the model does not know', () => {
  it('drops stored signals the model has no signal for', () => {
    const result = replay(stored({ mood: 'angry', login_frequency_pct: 90, old_signal: 'x' }));
    expect(Object.keys(result.signals).sort()).toEqual([...KEYS].sort());
    expect(result.signals).not.toHaveProperty('login_frequency_pct');
    expect(result.signals).not.toHaveProperty('old_signal');
  });

  it('drops stored modifiers the model has no modifier for and gives the rest null when missing', () => {
    const result = replay(stored({}, { nps_last: 3, nps: 4 }));
    expect(result.modifiers).toEqual({ nps: 4, days_quiet: null });
  });

  it('reads the same snapshot differently for models that know different signals', () => {
    const snapshot = stored({ mood: 'happy', login_frequency_pct: 95, usage_depth: 'advanced' });
    const retention = signalsFor(preset('retention-os'))(snapshot);
    expect(retention.signals.login_frequency_pct).toBe(95);
    expect(retention.signals.usage_depth).toBe('advanced');
    expect(retention.signals).not.toHaveProperty('mood');
    expect(replay(snapshot).signals.mood).toBe('happy');
  });
});

describe('signalsFor: modifiers and segment', () => {
  it('makes a modifier the model would refuse null: out of min/max, or a fraction where whole', () => {
    for (const nps of [11, -3, 4.5])
      expect(replay(stored({}, { nps, days_quiet: 30 })).modifiers).toEqual({
        nps: null,
        days_quiet: 30,
      });
    expect(replay(stored({}, { nps: 10, days_quiet: 2.5 })).modifiers).toEqual({
      nps: 10,
      days_quiet: 2.5,
    });
  });

  it('makes a non-finite modifier null and keeps finite ones, 0 included', () => {
    expect(replay(stored({}, { nps: Number.NaN, days_quiet: Infinity })).modifiers).toEqual({
      nps: null,
      days_quiet: null,
    });
    expect(replay(stored({}, { nps: 0, days_quiet: -Infinity })).modifiers).toEqual({
      nps: 0,
      days_quiet: null,
    });
    expect(replay(stored({}, { nps: null, days_quiet: 0 })).modifiers).toEqual({
      nps: null,
      days_quiet: 0,
    });
  });

  it('keeps each of the four segments', () => {
    for (const segment of ['enterprise', 'mid_market', 'smb', 'trial']) {
      expect(replay(stored({}, {}, segment)).segment).toBe(segment);
    }
  });

  it('makes any other segment null', () => {
    for (const segment of ['startup', 'SMB', 'mid-market', '', null]) {
      expect(replay(stored({}, {}, segment)).segment).toBeNull();
    }
  });
});
