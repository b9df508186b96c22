import { explainAccount, type Explanation } from '../../../src/scoring/explain-score.ts';
import type {
  AccountFacts,
  ContactFacts,
  HistoryPoint,
  PlayInput,
  PlaySettings,
} from '../../../src/plays/play-types.ts';
import { FULL_MARKS, preset } from '../../support/models.ts';

export const TIERS = ['healthy', 'monitor', 'at_risk', 'critical'] as const;

export function settings(overrides: Partial<PlaySettings> = {}): PlaySettings {
  return {
    timeZone: 'Europe/Berlin',
    fallbackOwnerId: null,
    managers: {},
    dailyTaskCapPerOwner: 20,
    workdayStartHour: 8,
    workdayEndHour: 17,
    nextTouchpointDays: 10,
    renewal: { sequenceId: '1001', offsetDays: 90 },
    winBack: { sequenceId: '1002', maxDaysAfterChurn: 365 },
    paymentRecovery: { sequenceId: '1003', highValueMrr: 2000 },
    sender: { userId: '9', email: 'csm@example.com' },
    disabledRules: [],
    ...overrides,
  };
}

export function contact(overrides: Partial<ContactFacts> & { id: string }): ContactFacts {
  return {
    name: `Person ${overrides.id}`,
    email: `p${overrides.id}@example.com`,
    optedOut: false,
    roles: [],
    primary: false,
    left: false,
    ...overrides,
  };
}

export function account(overrides: Partial<AccountFacts> = {}): AccountFacts {
  return {
    companyId: 'c1',
    name: 'Acme',
    segment: null,
    mrr: 1200,
    ownerId: 'o1',
    renewalDate: null,
    churnedAt: null,
    paymentFailedAt: null,
    paymentFailures: 0,
    observed: {},
    npsLast: null,
    npsAt: null,
    daysSinceContact: 3,
    contacts: [contact({ id: 'k1', roles: ['CHAMPION'] }), contact({ id: 'k2', primary: true })],
    ...overrides,
  };
}

type Signals = Record<string, string | number>;

/** retention-os's explanation of an account: full marks unless the signals say otherwise. */
export function explain(
  signals: Signals = {},
  modifiers: Record<string, number> = {},
): Explanation {
  return explainAccount(preset('retention-os'), {
    signals: { ...FULL_MARKS, ...signals },
    modifiers,
  });
}

/** A reading `daysAgo` days before `now`, with the dimension scores given. */
export function point(
  now: Date,
  daysAgo: number,
  score: number | null,
  tier: string,
  dimensions: Record<string, number | null> = {},
): HistoryPoint {
  return {
    scoredAt: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
    score,
    tier,
    dimensions,
  };
}

export function input(overrides: Partial<PlayInput> = {}): PlayInput {
  return {
    now: NOW,
    account: account(),
    current: explain(),
    tiers: TIERS,
    history: [],
    previouslyActive: new Set(),
    tracks: {},
    readings: {},
    baseline: false,
    settings: settings(),
    ...overrides,
  };
}

/** A full-marks explanation with its score and tier replaced (retention-os's tier bounds). */
export function withScore(score: number): Explanation {
  const tier =
    score >= 75 ? 'healthy' : score >= 50 ? 'monitor' : score >= 25 ? 'at_risk' : 'critical';
  return { ...explain(), score, tier };
}

export const NOW = new Date('2025-03-12T09:00:00Z');

/** An ISO instant `days` days before NOW. */
export function daysAgo(days: number, now: Date = NOW): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}
