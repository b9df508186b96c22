import { describe, expect, it } from 'vitest';
import { LIFECYCLE_RULES } from '../../../src/lifecycle/lifecycle-rules.ts';
import {
  atDayEdge,
  evaluate,
  facts,
  firedOf,
  lifecycleOnly,
  plus,
  whyOf,
  ZONES,
  type Scenario,
} from './lifecycle-input.ts';

const START = '2025-03-03';
const DAY_7 = plus(START, 7);
const LIFECYCLE_IDS = LIFECYCLE_RULES.map((r) => r.id);

describe.each(ZONES)('what holds every lifecycle play back, in %s', (zone) => {
  /** Day 7 of onboarding with nothing done yet, a QBR booked and a promoter's answer. */
  const busyDay = (over: Partial<Scenario> = {}) =>
    evaluate({
      zone,
      start: START,
      today: DAY_7,
      lifecycle: facts({ lastLoginAt: null, qbr: { next: plus(DAY_7, 10), last: null } }),
      ...over,
      account: { npsLast: 9, npsAt: atDayEdge(plus(DAY_7, -1), zone), ...over.account },
    });
  const made = (outcome: ReturnType<typeof busyDay>) =>
    lifecycleOnly(outcome.actions).map((a) => a.key);

  const BUSY_DAY = [
    `c1:onboarding-week-1-check-in:${DAY_7}`,
    `c1:onboarding-no-login:${plus(START, 3)}`,
    `c1:onboarding-no-sponsor:${DAY_7}`,
    `c1:qbr-prep:${plus(DAY_7, 10)}:note`,
    `c1:qbr-prep:${plus(DAY_7, 10)}`,
    expect.stringMatching(/^c1:nps-promoter:/),
  ];

  it('acts on the busy day when nothing holds it back (the reference)', () => {
    expect(made(busyDay())).toEqual(BUSY_DAY);
  });

  it('gives a churned account none of them', () => {
    const outcome = busyDay({ account: { churnedAt: atDayEdge(plus(DAY_7, -1), zone) } });
    expect(made(outcome)).toEqual([]);
    expect(outcome.baselined).toEqual([]);
    for (const id of LIFECYCLE_IDS)
      expect(whyOf(outcome, id)).toBe('the account has churned: only win-back applies');
  });

  it('switches off only the rules in disabledRules', () => {
    const outcome = busyDay({ settings: { disabledRules: ['onboarding-no-sponsor', 'qbr-prep'] } });
    expect(made(outcome)).toEqual(
      BUSY_DAY.filter(
        (k) => typeof k !== 'string' || !/:(onboarding-no-sponsor|qbr-prep):/.test(k),
      ),
    );
    expect(whyOf(outcome, 'qbr-prep')).toBe('switched off in the settings');
    expect(firedOf(outcome, 'onboarding-no-sponsor')).toBe(false);
  });

  it('records them on the first (baseline) evaluation in `baselined`, with the same keys', () => {
    const first = busyDay({ baseline: true });
    expect(made(first)).toEqual([]);
    expect(lifecycleOnly(first.baselined).map((a) => a.key)).toEqual(BUSY_DAY);
    for (const id of ['onboarding-week-1-check-in', 'qbr-prep', 'nps-promoter']) {
      expect(firedOf(first, id)).toBe(false);
      expect(whyOf(first, id)).toMatch(/\(already so when Vitals started watching\)$/);
    }
  });

  it('judges none of them when the lifecycle facts were not read', () => {
    const outcome = busyDay({ lifecycle: 'not read' });
    expect(made(outcome)).toEqual([]);
    expect(outcome.baselined).toEqual([]);
    for (const id of LIFECYCLE_IDS) expect(whyOf(outcome, id)).toMatch(/not read/);
  });
});
