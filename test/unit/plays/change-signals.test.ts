import { describe, expect, it } from 'vitest';
import { explainAccount } from '../../../src/scoring/explain-score.ts';
import { evaluatePlays } from '../../../src/plays/evaluate-plays.ts';
import type { SignalReadings } from '../../../src/plays/play-types.ts';
import { preset } from '../../support/models.ts';
import { daysAgo, explain, input, NOW } from './play-input.ts';

const verdict = (outcome: ReturnType<typeof evaluatePlays>, ruleId: string) =>
  outcome.verdicts.find((v) => v.ruleId === ruleId)!;
const billing = (now: number, readings: SignalReadings = {}) =>
  evaluatePlays(input({ current: explain({ billing_page_visits_30d: now }), readings }));
const earlier = (key: string, value: number, days = 30): SignalReadings => ({
  [key]: [{ at: daysAgo(days), value }],
});

describe('signals that are a change compare the account with its own earlier readings', () => {
  it('fires "billing page visits up" only on more visits than four weeks earlier, and 3 or more', () => {
    expect(
      verdict(billing(3, earlier('billing_page_visits_30d', 1)), 'billing-page-visits-up'),
    ).toMatchObject({
      fired: true,
      why: expect.stringContaining('3 billing-page visits in 30 days, 1 in the 30 days to'),
    });
    expect(
      verdict(billing(3, earlier('billing_page_visits_30d', 4)), 'billing-page-visits-up').fired,
    ).toBe(false);
    expect(
      verdict(billing(2, earlier('billing_page_visits_30d', 0)), 'billing-page-visits-up').fired,
    ).toBe(false);
  });

  it('never fires on a level alone: without a reading four weeks back it says so', () => {
    const none = verdict(billing(9), 'billing-page-visits-up');
    expect(none.fired).toBe(false);
    expect(none.why).toMatch(/no reading four weeks back/);
    // A reading from last week is too recent to stand for "before".
    expect(
      verdict(billing(9, earlier('billing_page_visits_30d', 0, 6)), 'billing-page-visits-up').fired,
    ).toBe(false);
  });

  it('reads "usage halved" from active users against their reading four weeks earlier (cs-engine)', () => {
    const cs = (dau: number) =>
      explainAccount(preset('cs-engine'), { signals: { dau_mau_pct: dau }, modifiers: {} });
    const halved = evaluatePlays(input({ current: cs(20), readings: earlier('dau_mau_pct', 45) }));
    expect(verdict(halved, 'usage-down-50')).toMatchObject({ fired: true });
    const slipped = evaluatePlays(input({ current: cs(30), readings: earlier('dau_mau_pct', 45) }));
    expect(verdict(slipped, 'usage-down-50').fired).toBe(false);
    expect(verdict(evaluatePlays(input({ current: cs(5) })), 'usage-down-50').fired).toBe(false);
  });

  it('keeps one reading a week for ten weeks', () => {
    const week = 7 * 86_400_000;
    let readings: SignalReadings = {};
    for (let i = 0; i < 14; i++) {
      const now = new Date(NOW.getTime() + i * week + (i % 2) * 3_600_000);
      readings = evaluatePlays(
        input({ now, current: explain({ billing_page_visits_30d: i }), readings }),
      ).readings;
      // A second evaluation the same day adds nothing.
      readings = evaluatePlays(
        input({
          now: new Date(now.getTime() + 60_000),
          current: explain({ billing_page_visits_30d: 99 }),
          readings,
        }),
      ).readings;
    }
    const kept = readings.billing_page_visits_30d!;
    expect(kept.map((r) => r.value)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });
});
