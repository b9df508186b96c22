import { describe, expect, it } from 'vitest';
import { modelChanges, tierMoves } from '../../../src/backtest/model-diff.ts';
import type { StoredSignals } from '../../../src/backtest/replay-signals.ts';
import { loadModel } from '../../../src/models/load-model.ts';
import { compileModel } from '../../../src/scoring/compile-model.ts';
import type { Model, ModelInput } from '../../../src/scoring/model-schema.ts';
import { parseModel } from '../../../src/scoring/parse-model.ts';
import { compileTiny, tinyModel } from '../../support/models.ts';

/** retention-os with one edit, validated again so every model compared is a real one. */
function edited(change: (m: Model) => void): Model {
  const model = structuredClone(loadModel('retention-os'));
  change(model);
  return parseModel(model, 'edited retention-os');
}

const dimension = (m: Model, key: string) => m.dimensions.find((d) => d.key === key)!;
const signal = (m: Model, key: string) =>
  m.dimensions.flatMap((d) => d.signals).find((s) => s.key === key)!;

describe('modelChanges', () => {
  it('finds nothing between a model and itself', () => {
    expect(modelChanges(loadModel('retention-os'), loadModel('retention-os'))).toEqual([]);
  });

  it('finds nothing when only the name, label, version or description differ', () => {
    const renamed = edited((m) => {
      m.name = 'my-copy';
      m.label = 'My copy';
      m.version = '7';
      m.description = 'Another description.';
    });
    expect(modelChanges(loadModel('retention-os'), renamed)).toEqual([]);
  });

  it('names each dimension whose weight changed, with the old and new weight', () => {
    const b = edited((m) => {
      dimension(m, 'usage').weight = 35;
      dimension(m, 'outcome').weight = 5;
    });
    expect(modelChanges(loadModel('retention-os'), b)).toEqual([
      'Usage: weight 30 → 35.',
      'Outcomes: weight 10 → 5.',
    ]);
  });

  it('says which parts of a signal changed, and only those', () => {
    const b = edited((m) => {
      const s = signal(m, 'billing_page_visits_30d');
      s.weight = 2;
      s.scale = 20;
    });
    expect(modelChanges(loadModel('retention-os'), b)).toEqual([
      'Financial: signal Billing page visits, last 30 days (billing_page_visits_30d) scores differently (weight, scale).',
    ]);
    const bands = edited((m) => {
      const s = signal(m, 'login_frequency_pct');
      if (s.type !== 'number') throw new Error('login_frequency_pct is a number signal');
      s.bands[0]!.atLeast = 95;
    });
    expect(modelChanges(loadModel('retention-os'), bands)).toEqual([
      "Usage: signal Logins vs the account's own baseline (login_frequency_pct) scores differently (bands).",
    ]);
  });

  it('lists a part the other model leaves out, such as words added to a number signal', () => {
    const b = edited((m) => {
      const s = signal(m, 'core_features_adopted');
      if (s.type !== 'number') throw new Error('core_features_adopted is a number signal');
      s.words = { unknown: 1 };
    });
    expect(modelChanges(loadModel('retention-os'), b)).toEqual([
      'Usage: signal Core features adopted (core_features_adopted) scores differently (words).',
    ]);
  });

  it('reports signals removed from and added to a dimension', () => {
    const b = edited((m) => {
      const usage = dimension(m, 'usage');
      usage.signals = usage.signals.filter((s) => s.key !== 'usage_depth');
      usage.signals.push({
        key: 'seats_used_pct',
        label: 'Seats used',
        type: 'number',
        integer: false,
        weight: 1,
        scale: 10,
        bands: [{ atLeast: 80, points: 10 }, { points: 3 }],
      });
    });
    expect(modelChanges(loadModel('retention-os'), b)).toEqual([
      'Usage: signal Depth of use (usage_depth) removed.',
      'Usage: signal Seats used (seats_used_pct) added.',
    ]);
  });

  it('reports whole dimensions removed and added, with their weights, and reads both ways', () => {
    const a = loadModel('retention-os');
    const b = edited((m) => {
      m.dimensions = m.dimensions.filter((d) => d.key !== 'outcome');
      dimension(m, 'usage').weight = 25;
      m.dimensions.push({
        key: 'adoption',
        label: 'Adoption',
        weight: 15,
        signals: [
          {
            key: 'seats_used_pct',
            label: 'Seats used',
            type: 'number',
            integer: false,
            weight: 1,
            scale: 10,
            bands: [{ points: 5 }],
          },
        ],
      });
    });
    expect(modelChanges(a, b)).toEqual([
      'Usage: weight 30 → 25.',
      'Dimension Outcomes (outcome) removed (weight 10).',
      'Dimension Adoption (adoption) added (weight 15).',
    ]);
    expect(modelChanges(b, a)).toEqual([
      'Usage: weight 25 → 30.',
      'Dimension Adoption (adoption) removed (weight 15).',
      'Dimension Outcomes (outcome) added (weight 10).',
    ]);
  });

  it('shows the tiers before and after when a threshold moves', () => {
    const b = edited((m) => {
      m.tiers.find((t) => t.key === 'monitor')!.min = 55;
    });
    expect(modelChanges(loadModel('retention-os'), b)).toEqual([
      'Tiers: Healthy from 75, Monitor from 50, At risk from 25, Critical from 0 → ' +
        'Healthy from 75, Monitor from 55, At risk from 25, Critical from 0.',
    ]);
  });

  it('says when tiers keep their thresholds under other keys or colours', () => {
    const b = edited((m) => {
      const healthy = m.tiers.find((t) => t.key === 'healthy')!;
      healthy.key = 'thriving';
      healthy.color = 'lime';
    });
    expect(modelChanges(loadModel('retention-os'), b)).toEqual([
      'Tiers: the same thresholds under other keys or colours: healthy (green), monitor (yellow), at_risk (orange), critical (red) → thriving (lime), monitor (yellow), at_risk (orange), critical (red).',
    ]);
  });

  it('finds nothing when only the order a file lists values or tiers in differs', () => {
    const b = edited((m) => {
      const depth = m.dimensions.flatMap((d) => d.signals).find((s) => s.key === 'usage_depth')!;
      if (depth.type === 'enum')
        depth.values = Object.fromEntries(Object.entries(depth.values).reverse());
      m.tiers.reverse();
    });
    expect(modelChanges(loadModel('retention-os'), b)).toEqual([]);
  });

  it('reports modifiers removed, changed and added by key', () => {
    const b = edited((m) => {
      m.modifiers = m.modifiers.filter((x) => x.key !== 'nps_last');
      m.modifiers.find((x) => x.key === 'days_since_last_contact')!.effect = { penalty: 15 };
      m.modifiers.push({
        key: 'open_tickets',
        label: 'Open tickets',
        integer: true,
        when: { atLeast: 5 },
        effect: { cap: 60 },
      });
    });
    expect(modelChanges(loadModel('retention-os'), b)).toEqual([
      'Modifier nps_last removed.',
      'Modifier days_since_last_contact changed.',
      'Modifier open_tickets added.',
    ]);
  });

  it('says when the segment overrides differ', () => {
    const b = edited((m) => {
      m.segments = { smb: { tiers: { healthy: 80 } } };
    });
    expect(modelChanges(loadModel('retention-os'), b)).toEqual([
      'Segment overrides (weights or tiers per segment) changed.',
    ]);
    const c = edited((m) => {
      m.segments = { smb: { tiers: { healthy: 70 } } };
    });
    expect(modelChanges(b, c)).toEqual([
      'Segment overrides (weights or tiers per segment) changed.',
    ]);
    expect(modelChanges(b, structuredClone(b))).toEqual([]);
  });
});

/** The tiny model with other tier thresholds: good from 80, okay from 50. */
function stricter(overrides: Partial<ModelInput> = {}) {
  const base = tinyModel(overrides);
  return compileModel(
    parseModel(
      {
        ...base,
        name: 'stricter',
        tiers: [
          { key: 'good', label: 'Good', min: 80, color: 'green' },
          { key: 'okay', label: 'Okay', min: 50, color: 'yellow' },
          { key: 'bad', label: 'Bad', min: 0, color: 'red' },
        ],
      },
      'stricter',
    ),
  );
}

const reading = (seats: number | null, mood: string | null): StoredSignals => ({
  segment: null,
  signals: { seats_used_pct: seats, mood },
  modifiers: {},
});

describe('tierMoves', () => {
  // Tiny scores 6·seats points + 4·mood points: seats ≥80 → 10, ≥40 → 5, else 0;
  // mood happy 10, meh 5, angry 0. Tiers: good ≥70, okay ≥40 (tiny), good ≥80, okay ≥50 (stricter).
  const tiny = compileTiny();

  it('counts no change between a model and itself', () => {
    const readings = [reading(90, 'happy'), reading(50, 'meh'), reading(null, null)];
    expect(tierMoves(tiny, compileTiny(), readings)).toEqual({
      accounts: 3,
      changed: 0,
      moves: [],
    });
  });

  it('counts every account and groups the ones that change tier by from → to, most first', () => {
    const readings = [
      reading(90, 'happy'), // 100: good → good
      reading(90, 'meh'), // 80: good → good
      reading(10, 'happy'), // 40: okay → bad
      reading(50, 'happy'), // 70: good → okay
      reading(50, 'meh'), // 50: okay → okay
      reading(50, 'angry'), // 30: bad → bad
      reading(85, 'angry'), // 60: okay → okay
      reading(60, 'happy'), // 70: good → okay
      reading(null, null), // no data in either
    ];
    expect(tierMoves(tiny, stricter(), readings)).toEqual({
      accounts: 9,
      changed: 3,
      moves: [
        { from: 'good', to: 'okay', accounts: 2 },
        { from: 'okay', to: 'bad', accounts: 1 },
      ],
    });
  });

  it('orders moves with as many accounts by the tier they leave', () => {
    const readings = [reading(10, 'happy'), reading(50, 'happy')];
    expect(tierMoves(tiny, stricter(), readings).moves).toEqual([
      { from: 'good', to: 'okay', accounts: 1 },
      { from: 'okay', to: 'bad', accounts: 1 },
    ]);
  });

  it('counts moves in the other direction when the models swap places', () => {
    const readings = [reading(50, 'happy'), reading(60, 'happy'), reading(10, 'happy')];
    expect(tierMoves(stricter(), tiny, readings)).toEqual({
      accounts: 3,
      changed: 3,
      moves: [
        { from: 'okay', to: 'good', accounts: 2 },
        { from: 'bad', to: 'okay', accounts: 1 },
      ],
    });
  });

  it('reads each reading as its own model would, so a value one model refuses is no data to it', () => {
    // B no longer knows "happy": seats 50 alone scores 50 (okay) instead of 70 (good), and
    // scoring the word as B would otherwise throw.
    const noHappy = compileTiny({
      name: 'no-happy',
      dimensions: tinyModel().dimensions.map((d) =>
        d.key === 'support'
          ? {
              ...d,
              signals: [{ key: 'mood', label: 'Mood', type: 'enum', values: { meh: 5, angry: 0 } }],
            }
          : d,
      ),
    });
    expect(tierMoves(tiny, noHappy, [reading(50, 'happy'), reading(50, 'meh')])).toEqual({
      accounts: 2,
      changed: 1,
      moves: [{ from: 'good', to: 'okay', accounts: 1 }],
    });
  });

  it('counts an account with data for one model only as moving from or to unknown', () => {
    // A model that knows only mood sees nothing in a reading with seats alone.
    const moodOnly = compileTiny({
      name: 'mood-only',
      dimensions: [{ ...tinyModel().dimensions[1]!, weight: 100 }],
    });
    expect(tierMoves(tiny, moodOnly, [reading(90, null)])).toEqual({
      accounts: 1,
      changed: 1,
      moves: [{ from: 'good', to: 'unknown', accounts: 1 }],
    });
  });

  it('takes readings from any iterable, read once', () => {
    function* readings() {
      yield reading(50, 'happy');
      yield reading(10, 'happy');
    }
    expect(tierMoves(tiny, stricter(), readings())).toMatchObject({ accounts: 2, changed: 2 });
  });

  it('gives an empty result for no readings', () => {
    expect(tierMoves(tiny, stricter(), [])).toEqual({ accounts: 0, changed: 0, moves: [] });
  });
});
