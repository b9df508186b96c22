import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE } from '../../../src/lifecycle/lifecycle-defaults.ts';
import { withScore } from '../plays/play-input.ts';
import {
  atDayEdge,
  episodeOf,
  evaluate,
  facts,
  localInstant,
  madeBy,
  plus,
  whyOf,
  ZONES,
  type Scenario,
} from './lifecycle-input.ts';

const id = 'cadence-check-in';
/** The last logged touch; the account became a customer long before. */
const LAST = '2025-01-06';
const LONG_AGO = '2023-05-02';

const TIERS = {
  healthy: withScore(90),
  monitor: withScore(60),
  at_risk: withScore(40),
  critical: withScore(10),
};

describe.each(ZONES)('the touch cadence in %s', (zone) => {
  /** An evaluation `days` days after the last touch (logged at a time that is another UTC day). */
  // The tier alarms open a save task, which covers the check-in (save-covers-check-in.test.ts):
  // switched off here, where the cadence itself is under test.
  const alone = { disabledRules: ['tier-at-risk', 'tier-critical'] };
  const after = (days: number, over: Partial<Scenario> = {}) =>
    evaluate({
      zone,
      start: LONG_AGO,
      today: plus(LAST, days),
      lifecycle: facts({ lastTouchAt: atDayEdge(LAST, zone) }),
      ...over,
      settings: { ...alone, ...over.settings },
    });
  const of = (segment: string, tier: keyof typeof TIERS = 'healthy') => ({
    account: { segment },
    current: TIERS[tier],
  });

  it.each([
    ['enterprise', 14],
    ['mid_market', 30],
    ['smb', 91],
  ])(
    'is due %s days after the last touch for %s: episode = last touch + cadence',
    (segment, days) => {
      const early = after(days - 1, of(segment));
      expect(episodeOf(early, id)).toBeNull();
      expect(whyOf(early, id)).toBe(
        `last touch on ${LAST}; the next is due on ${plus(LAST, days)}`,
      );
      const due = after(days, of(segment));
      expect(episodeOf(due, id)).toBe(plus(LAST, days));
      expect(whyOf(due, id)).toMatch(
        new RegExp(`every ${days} days \\(${segment.replace('_', '-')}\\)`),
      );
      expect(madeBy(due, id)).toEqual([
        expect.objectContaining({
          kind: 'task',
          key: `c1:${id}:${plus(LAST, days)}`,
          type: 'CALL',
          priority: 'LOW',
        }),
      ]);
      // A run days later catches up on the same episode, which the ledger makes once.
      expect(episodeOf(after(days + 9, of(segment)), id)).toBe(plus(LAST, days));
    },
  );

  it('sets no cadence for a healthy trial: sequences look after it', () => {
    const outcome = after(400, of('trial'));
    expect(episodeOf(outcome, id)).toBeNull();
    expect(whyOf(outcome, id)).toMatch(/no touch cadence for this segment/);
  });

  it('gives an account of unknown segment and MRR the smb cadence', () => {
    const unknown = { account: { segment: null, mrr: null } };
    expect(episodeOf(after(90, unknown), id)).toBeNull();
    expect(episodeOf(after(91, unknown), id)).toBe(plus(LAST, 91));
  });

  it.each(['enterprise', 'mid_market', 'smb', 'trial'])(
    'tightens to 1 day in the worst tier and 7 in the tier above it (%s)',
    (segment) => {
      expect(episodeOf(after(0, of(segment, 'critical')), id)).toBeNull();
      expect(episodeOf(after(1, of(segment, 'critical')), id)).toBe(plus(LAST, 1));
      expect(whyOf(after(1, of(segment, 'critical')), id)).toMatch(/every day while critical/);
      expect(episodeOf(after(6, of(segment, 'at_risk')), id)).toBeNull();
      expect(episodeOf(after(7, of(segment, 'at_risk')), id)).toBe(plus(LAST, 7));
      expect(whyOf(after(7, of(segment, 'at_risk')), id)).toMatch(/every 7 days while at risk/);
    },
  );

  it('keeps the segment cadence in the other tiers', () => {
    expect(episodeOf(after(13, of('enterprise', 'monitor')), id)).toBeNull();
    expect(episodeOf(after(14, of('enterprise', 'monitor')), id)).toBe(plus(LAST, 14));
  });

  it("keeps the segment's cadence when it is tighter than the tier's", () => {
    const lifecycle = { ...DEFAULT_LIFECYCLE, atRiskTouchDays: 45 };
    const outcome = after(30, { ...of('mid_market', 'at_risk'), settings: { lifecycle } });
    expect(episodeOf(outcome, id)).toBe(plus(LAST, 30));
  });

  it('reads the cadence from the settings', () => {
    const lifecycle = {
      ...DEFAULT_LIFECYCLE,
      cadence: { ...DEFAULT_LIFECYCLE.cadence, enterprise: { touchDays: 10, qbrDays: 91 } },
    };
    expect(episodeOf(after(10, { settings: { lifecycle } }), id)).toBe(plus(LAST, 10));
  });

  it('moves the due day with every new touch', () => {
    const touchedAgain = facts({ lastTouchAt: atDayEdge(plus(LAST, 20), zone) });
    expect(episodeOf(after(33, { lifecycle: touchedAgain }), id)).toBeNull();
    expect(episodeOf(after(34, { lifecycle: touchedAgain }), id)).toBe(plus(LAST, 34));
  });

  it('makes no check-in while onboarding runs (to day 90), and picks up after it', () => {
    const start = plus(LAST, -60);
    const inOnboarding = after(30, { start });
    expect(episodeOf(inOnboarding, id)).toBeNull();
    expect(whyOf(inOnboarding, id)).toMatch(/in onboarding/);
    // Day 91: the touch on day 60 fell due on day 74, inside onboarding; it is caught up now.
    expect(episodeOf(after(31, { start }), id)).toBe(plus(LAST, 14));
  });

  it('keeps the daily and weekly check-ins of an account in trouble during onboarding', () => {
    const start = plus(LAST, -60);
    const critical = after(1, { start, ...of('enterprise', 'critical') });
    expect(episodeOf(critical, id)).toBe(plus(LAST, 1));
    expect(whyOf(critical, id)).toMatch(/every day while critical/);
    expect(episodeOf(after(7, { start, ...of('enterprise', 'at_risk') }), id)).toBe(plus(LAST, 7));
    expect(episodeOf(after(6, { start, ...of('enterprise', 'at_risk') }), id)).toBeNull();
  });

  it('makes no check-in when the lifecycle facts were not read', () => {
    const outcome = after(60, { lifecycle: 'not read' });
    expect(madeBy(outcome, id)).toEqual([]);
    expect(whyOf(outcome, id)).toMatch(/not read/);
  });

  it('counts an account nobody has ever touched from the day it started, else makes one check-in', () => {
    const outcome = after(60, { lifecycle: facts({ lastTouchAt: null }) });
    expect(episodeOf(outcome, id)).toBe(plus(LONG_AGO, 14));
    expect(whyOf(outcome, id)).toMatch(
      /no call, meeting or email is logged since the account started/,
    );
    const noStart = after(60, { lifecycle: facts({ lastTouchAt: null }), start: null });
    expect(episodeOf(noStart, id)).toBe('no-touch');
    expect(whyOf(noStart, id)).toMatch(/no call, meeting or email is logged on the account/);
  });
});

describe('the touch cadence when the tier changes between two touches', () => {
  const zone = 'Europe/Berlin';
  const lastTouchAt = atDayEdge(LAST, zone);
  const scoredOn = (days: number) => localInstant(plus(LAST, days), '07:00', zone).toISOString();
  const reading = (days: number, tier: keyof typeof TIERS) => ({
    scoredAt: scoredOn(days),
    score: TIERS[tier].score,
    tier,
    dimensions: {},
  });

  // The cadence's episode is the day the check-in fell due. When the tier recovers while nobody
  // calls, the due day moves later and the same silence gets a second "Check-in due" task (a new
  // key for the ledger), though the first, for the tighter cadence, already covers it.
  it('makes one check-in for one gap between touches, even when the tier recovers within it', () => {
    const history = [reading(0, 'healthy'), reading(5, 'at_risk'), reading(12, 'healthy')];
    const evaluation = (days: number, tier: keyof typeof TIERS) =>
      evaluate({
        zone,
        start: LONG_AGO,
        today: plus(LAST, days),
        lifecycle: facts({ lastTouchAt }),
        current: TIERS[tier],
        history: history.filter((h) => h.scoredAt <= scoredOn(days)),
        // The tier alarms' track tasks would stand in for the check-in (save-covers-check-in).
        settings: { disabledRules: ['tier-at-risk', 'tier-critical', 'tier-healthy'] },
      });
    const made = [evaluation(8, 'at_risk'), evaluation(15, 'healthy')].flatMap((o) =>
      madeBy(o, id).map((a) => a.key),
    );
    // Today: c1:cadence-check-in:2025-01-13, then c1:cadence-check-in:2025-01-20.
    expect([...new Set(made)]).toHaveLength(1);
  });
});
