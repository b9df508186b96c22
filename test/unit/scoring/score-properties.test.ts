import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestValue } from '../../../src/scoring/best-value.ts';
import { planFor } from '../../../src/scoring/compile-model.ts';
import {
  exactAdjusted,
  exactCoverage,
  exactRaw,
  roundHalfUp,
} from '../../../src/scoring/exact-score.ts';
import { explainAccount } from '../../../src/scoring/explain-score.ts';
import { modifierEffects, scoreAccount } from '../../../src/scoring/score-account.ts';
import { account, signalValue } from '../../support/arbitraries.ts';
import { compileTiny, preset } from '../../support/models.ts';
import { referenceWeightedSum } from '../../bench/reference-weighted-sum.ts';

const RUNS = { numRuns: 400 };

describe('retention-os against a scorer written out by hand', () => {
  const model = preset('retention-os');

  it('gives the hand-written score, and rounds its exact .5 ties up', () => {
    fc.assert(
      fc.property(account(model), (a) => {
        const expected = referenceWeightedSum(a);
        const { score } = scoreAccount(model, a);
        if (expected === null) {
          expect(score).toBeNull();
          return;
        }
        const nearHalf = Math.abs(expected - Math.floor(expected) - 0.5) < 1e-6;
        expect(score).toBe(nearHalf ? Math.ceil(expected) : Math.round(expected));
      }),
      { numRuns: 2000 },
    );
  });
});

const withSegments = () =>
  compileTiny({
    segments: {
      enterprise: { weights: { usage: 30, support: 70 }, tiers: { good: 85 } },
      trial: { weights: { usage: 90, support: 10 } },
    },
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
    ],
  });

describe.each([
  ['retention-os', () => preset('retention-os')],
  ['cs-engine', () => preset('cs-engine')],
  ['services', () => preset('services')],
  ['a model with segment overrides', withSegments],
])('invariants of %s', (_name, load) => {
  const model = load();
  const tierKeys = model.model.tiers.map((t) => t.key);

  it('always gives a whole score 0–100 with a tier of the model, or no score at all', () => {
    fc.assert(
      fc.property(account(model), (a) => {
        const { score, tier, coverage } = scoreAccount(model, a);
        expect(Number.isInteger(coverage) && coverage >= 0 && coverage <= 100).toBe(true);
        if (score === null) {
          expect([tier, coverage]).toEqual(['unknown', 0]);
        } else {
          expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
          expect(tierKeys).toContain(tier);
        }
      }),
      RUNS,
    );
  });

  it('never lowers the score when one signal improves', () => {
    const pick = fc.constantFrom(...model.signals);
    const change = pick.chain((s) =>
      fc.tuple(fc.constant(s), signalValue(s), signalValue(s), account(model)),
    );
    fc.assert(
      fc.property(change, ([signal, a, b, acc]) => {
        const [worse, better] = signal.points(a) <= signal.points(b) ? [a, b] : [b, a];
        const low = scoreAccount(model, {
          ...acc,
          signals: { ...acc.signals, [signal.key]: worse },
        });
        const high = scoreAccount(model, {
          ...acc,
          signals: { ...acc.signals, [signal.key]: better },
        });
        expect(high.score!).toBeGreaterThanOrEqual(low.score!);
      }),
      RUNS,
    );
  });

  it('lowers coverage, and never crashes, when a signal with data is removed', () => {
    fc.assert(
      fc.property(account(model), fc.nat(), (a, n) => {
        const present = model.signals.filter(
          (s) => a.signals[s.key] !== undefined && a.signals[s.key] !== null,
        );
        fc.pre(present.length > 0);
        const removed = present[n % present.length]!.key;
        const rest = { ...a.signals };
        delete rest[removed];
        const before = scoreAccount(model, a);
        const after = scoreAccount(model, { ...a, signals: rest });
        expect(after.coverage).toBeLessThan(before.coverage);
        expect(after.score === null).toBe(present.length === 1);
      }),
      RUNS,
    );
  });

  it('gives 100 when every signal is at full marks and no modifier applies', () => {
    const full = Object.fromEntries(model.signals.map((s) => [s.key, bestValue(s)!.value]));
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom('enterprise', 'mid_market', 'smb', 'trial'), { nil: undefined }),
        (segment) => {
          expect(scoreAccount(model, { signals: full, segment }).score).toBe(100);
        },
      ),
    );
  });

  it('agrees with exact rational arithmetic on every score and coverage, .5 cases included', () => {
    fc.assert(
      fc.property(account(model), (a) => {
        const plan = planFor(model, a.segment);
        const raw = exactRaw(model, plan, a.signals);
        const result = scoreAccount(model, a);
        if (raw === null) {
          expect(result.score).toBeNull();
          return;
        }
        const { penalty, cap } = modifierEffects(model, plan, a.modifiers);
        expect(result.score).toBe(roundHalfUp(exactAdjusted(raw, penalty, cap)));
        expect(result.coverage).toBe(roundHalfUp(exactCoverage(model, plan, a.signals)));
      }),
      { numRuns: 1000 },
    );
  });

  it('explains every score with contributions that add up to the raw score', () => {
    fc.assert(
      fc.property(account(model), (a) => {
        const explained = explainAccount(model, a);
        expect(explained.score).toBe(scoreAccount(model, a).score);
        const sum = explained.signals.reduce((total, s) => total + s.contribution, 0);
        if (explained.raw !== null) expect(sum).toBeCloseTo(explained.raw, 9);
        expect(explained.drivers.length).toBeLessThanOrEqual(3);
        for (const lever of explained.levers) expect(lever.gain).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});
