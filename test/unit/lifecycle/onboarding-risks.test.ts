import { describe, expect, it } from 'vitest';
import { contact } from '../plays/play-input.ts';
import {
  atDayEdge,
  episodeOf,
  evaluate,
  facts,
  madeBy,
  plus,
  whyOf,
  ZONES,
  type Scenario,
} from './lifecycle-input.ts';

const START = '2025-03-03';

describe.each(ZONES)('the onboarding risks in %s', (zone) => {
  const onDay = (day: number, over: Partial<Scenario> = {}) =>
    evaluate({ zone, start: START, today: plus(START, day), ...over });
  /** An instant of a day of the plan that falls on another UTC date. */
  const onPlanDay = (day: number) => atDayEdge(plus(START, day), zone);

  describe('onboarding-no-login (day 3)', () => {
    const id = 'onboarding-no-login';

    it('fires from day 3 when HubSpot holds no login, keyed on day 3', () => {
      const outcome = onDay(3, { lifecycle: facts({ lastLoginAt: null }) });
      expect(episodeOf(outcome, id)).toBe(plus(START, 3));
      expect(whyOf(outcome, id)).toBe(`nobody has logged in since the account started on ${START}`);
      expect(madeBy(outcome, id)).toEqual([
        expect.objectContaining({
          key: `c1:${id}:${plus(START, 3)}`,
          type: 'CALL',
          priority: 'HIGH',
        }),
      ]);
      expect(episodeOf(onDay(2, { lifecycle: facts({ lastLoginAt: null }) }), id)).toBeNull();
    });

    it('counts a login from before the start (a trial) as none', () => {
      const outcome = onDay(5, { lifecycle: facts({ lastLoginAt: onPlanDay(-10) }) });
      expect(episodeOf(outcome, id)).toBe(plus(START, 3));
    });

    it('does not fire once someone logged in on or after the start day', () => {
      for (const day of [0, 2]) {
        const outcome = onDay(3, { lifecycle: facts({ lastLoginAt: onPlanDay(day) }) });
        expect(episodeOf(outcome, id)).toBeNull();
        expect(whyOf(outcome, id)).toBe(`last login on ${plus(START, day)}`);
      }
    });

    it('says the property is not mapped when the fact is absent, and judges nothing', () => {
      const outcome = onDay(3, { lifecycle: facts() });
      expect(episodeOf(outcome, id)).toBeNull();
      expect(whyOf(outcome, id)).toMatch(/no last-login property is mapped/);
    });

    it('stops looking after day 90', () => {
      const outcome = onDay(91, { lifecycle: facts({ lastLoginAt: null }) });
      expect(episodeOf(outcome, id)).toBeNull();
      expect(whyOf(outcome, id)).toBe('onboarding is over (day 90 has passed)');
      expect(episodeOf(onDay(90, { lifecycle: facts({ lastLoginAt: null }) }), id)).toBe(
        plus(START, 3),
      );
    });
  });

  describe('onboarding-kickoff-late (more than a week: day 8)', () => {
    const id = 'onboarding-kickoff-late';

    it('fires from day 8 when no touch is logged since the start, keyed on day 8', () => {
      for (const lastTouchAt of [null, onPlanDay(-2)]) {
        const outcome = onDay(8, { lifecycle: facts({ lastTouchAt }) });
        expect(episodeOf(outcome, id)).toBe(plus(START, 8));
        expect(whyOf(outcome, id)).toMatch(/^more than a week in and no call, meeting or email/);
        expect(episodeOf(onDay(7, { lifecycle: facts({ lastTouchAt }) }), id)).toBeNull();
      }
    });

    it('does not fire when a touch was logged since the start', () => {
      const outcome = onDay(8, { lifecycle: facts({ lastTouchAt: onPlanDay(0) }) });
      expect(episodeOf(outcome, id)).toBeNull();
      expect(whyOf(outcome, id)).toBe(`first touch logged on ${START}`);
    });

    it('judges nothing when the engagement dates were not read', () => {
      const outcome = onDay(8, { lifecycle: 'not read' });
      expect(episodeOf(outcome, id)).toBeNull();
      expect(whyOf(outcome, id)).toMatch(/not read/);
    });
  });

  describe('onboarding-no-sponsor (day 7)', () => {
    const id = 'onboarding-no-sponsor';
    const sponsor = contact({ id: 's1', roles: ['EXECUTIVE_SPONSOR'] });

    it('fires from day 7 when no contact is the executive sponsor, keyed on day 7', () => {
      const outcome = onDay(12);
      expect(episodeOf(outcome, id)).toBe(plus(START, 7));
      expect(whyOf(outcome, id)).toBe('no contact has the executive sponsor buying role');
      expect(episodeOf(onDay(6), id)).toBeNull();
    });

    it('does not fire with a sponsor named, and fires when the sponsor left', () => {
      const named = onDay(7, { account: { contacts: [sponsor] } });
      expect(episodeOf(named, id)).toBeNull();
      expect(whyOf(named, id)).toBe('an executive sponsor is named');
      const left = onDay(7, { account: { contacts: [{ ...sponsor, left: true }] } });
      expect(episodeOf(left, id)).toBe(plus(START, 7));
    });
  });

  describe('onboarding-low-activation (day 30)', () => {
    const id = 'onboarding-low-activation';

    it('fires from day 30 when under 50 % of users are active, keyed on day 30', () => {
      const outcome = onDay(30, { lifecycle: facts({ activationPct: 49 }) });
      expect(episodeOf(outcome, id)).toBe(plus(START, 30));
      expect(whyOf(outcome, id)).toBe('only 49 % of users are active at day 30 (under 50 %)');
      expect(episodeOf(onDay(60, { lifecycle: facts({ activationPct: 10 }) }), id)).toBe(
        plus(START, 30),
      );
      expect(episodeOf(onDay(29, { lifecycle: facts({ activationPct: 10 }) }), id)).toBeNull();
    });

    it('does not fire at 50 % or more', () => {
      const outcome = onDay(30, { lifecycle: facts({ activationPct: 50 }) });
      expect(episodeOf(outcome, id)).toBeNull();
      expect(whyOf(outcome, id)).toBe('50 % of users are active');
    });

    it('tells an unmapped property (absent) from a figure HubSpot does not hold (null)', () => {
      const unmapped = onDay(30, { lifecycle: facts() });
      expect(episodeOf(unmapped, id)).toBeNull();
      expect(whyOf(unmapped, id)).toMatch(/no activation property is mapped/);
      const empty = onDay(30, { lifecycle: facts({ activationPct: null }) });
      expect(episodeOf(empty, id)).toBeNull();
      expect(whyOf(empty, id)).toBe('HubSpot holds no activation figure');
    });
  });
});
