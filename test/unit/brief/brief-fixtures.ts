import type { BriefInput, BriefPlay, BriefTier } from '../../../src/brief/brief-input.ts';
import type {
  AccountFacts,
  ContactFacts,
  HistoryPoint,
  TrackState,
} from '../../../src/plays/play-types.ts';
import { explainAccount, type Explanation } from '../../../src/scoring/explain-score.ts';
import { FULL_MARKS, preset } from '../../support/models.ts';

// Brief inputs built the way the shell will build them: a real retention-os explanation, the
// account's facts and Vitals' own records around one `now`.

export const NOW = new Date('2026-12-06T10:00:00Z');
export const ZONE = 'Europe/Berlin';
const DAY_MS = 86_400_000;

export const TIERS: readonly BriefTier[] = [
  { key: 'healthy', label: 'Healthy', min: 75 },
  { key: 'monitor', label: 'Monitor', min: 50 },
  { key: 'at_risk', label: 'At risk', min: 25 },
  { key: 'critical', label: 'Critical', min: 0 },
];

/** An ISO instant `days` days before `now`. */
export function daysAgo(days: number, now: Date = NOW): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** retention-os's explanation: full marks unless the signals say otherwise. */
export function explain(
  signals: Record<string, string | number | null> = {},
  modifiers: Record<string, number> = {},
): Explanation {
  return explainAccount(preset('retention-os'), {
    signals: { ...FULL_MARKS, ...signals },
    modifiers,
  });
}

/** No data at all: no score, no tier. */
export function noData(): Explanation {
  return explainAccount(preset('retention-os'), { signals: {} });
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

export function point(
  daysBefore: number,
  score: number | null,
  tier: string,
  dimensions: Record<string, number | null> = {},
  now: Date = NOW,
): HistoryPoint {
  return { scoredAt: daysAgo(daysBefore, now), score, tier, dimensions };
}

export function play(overrides: Partial<BriefPlay> & { at: string }): BriefPlay {
  return {
    ruleId: 'save-playbook',
    title: 'Save the account: work the save playbook',
    kind: 'task',
    status: 'done',
    detail: null,
    ...overrides,
  };
}

/** An account with nothing but its id and name: every section has to say what is missing. */
export function emptyAccount(overrides: Partial<AccountFacts> = {}): AccountFacts {
  return {
    companyId: '501',
    name: 'Acme Corp',
    segment: null,
    mrr: null,
    ownerId: null,
    renewalDate: null,
    churnedAt: null,
    paymentFailedAt: null,
    paymentFailures: 0,
    observed: {},
    npsLast: null,
    npsAt: null,
    daysSinceContact: null,
    contacts: [],
    ...overrides,
  };
}

export function emptyInput(overrides: Partial<BriefInput> = {}): BriefInput {
  return {
    now: NOW,
    timeZone: ZONE,
    account: emptyAccount(),
    current: noData(),
    tiers: TIERS,
    history: [],
    tracks: {},
    plays: [],
    mrrHistory: [],
    renewal: null,
    qbrDate: null,
    ownerName: null,
    ...overrides,
  };
}

/** Usage fell over the quarter; a detractor's NPS answer and three silent weeks hold it down. */
export function troubledExplanation(): Explanation {
  return explain(
    {
      login_frequency_pct: 45,
      core_features_adopted: 2,
      usage_depth: 'basic',
      champion_status: 'weak',
      goal_status: 'on_track',
      roi_status: 'probable',
    },
    { nps_last: 5, days_since_last_contact: 25 },
  );
}

const BEFORE = { usage: 9.0, engagement: 10, financial: 10, relationship: 10, outcome: 10 };

export function saveTrack(openedDaysAgo = 20): TrackState {
  return {
    kind: 'save',
    episode: daysAgo(openedDaysAgo).slice(0, 10),
    openedAt: daysAgo(openedDaysAgo),
    triggers: [
      {
        ruleId: 'score-drop',
        episode: daysAgo(openedDaysAgo).slice(0, 10),
        at: daysAgo(openedDaysAgo),
        why: 'the score fell 12 points in 30 days',
        priority: 'MEDIUM',
      },
      {
        ruleId: 'data-export-request',
        episode: daysAgo(6),
        at: daysAgo(6),
        why: 'they asked to export their data: reported on 2026-11-30',
        priority: 'HIGH',
      },
    ],
    priority: 'HIGH',
    dueAt: daysAgo(5),
    task: true,
    manager: true,
  };
}

/** Acme Corp: a rich account a quarter into a slide, with everything the brief can read. */
export function richInput(overrides: Partial<BriefInput> = {}): BriefInput {
  const current = troubledExplanation();
  return {
    now: NOW,
    timeZone: ZONE,
    account: {
      companyId: '501',
      name: 'Acme Corp',
      segment: 'mid_market',
      mrr: 1200,
      ownerId: '77',
      renewalDate: '2027-02-01',
      churnedAt: null,
      paymentFailedAt: daysAgo(9),
      paymentFailures: 1,
      observed: {
        data_export_request: daysAgo(6),
        competitor_mentioned: daysAgo(40),
        budget_review: daysAgo(200),
        success_milestone: daysAgo(50),
        team_growth: daysAgo(120),
      },
      npsLast: 5,
      npsAt: daysAgo(30),
      daysSinceContact: 25,
      contacts: [
        contact({ id: '1', name: 'Dana Reyes', roles: ['CHAMPION'], primary: true }),
        contact({ id: '2', name: 'Sam Okafor', roles: ['DECISION_MAKER', 'BUDGET_HOLDER'] }),
        contact({ id: '3', name: 'Lee Park', roles: ['EXECUTIVE_SPONSOR'], left: true }),
        contact({ id: '4', name: 'Ira Cole' }),
      ],
    },
    current,
    tiers: TIERS,
    history: [
      point(120, 86, 'healthy', BEFORE),
      point(70, 80, 'healthy', { ...BEFORE, usage: 7.0 }),
      point(45, 72, 'monitor', { ...BEFORE, usage: 5.7, relationship: 8.7 }),
      point(20, 64, 'monitor', { ...BEFORE, usage: 4.0, relationship: 8.7 }),
      point(2, current.score, current.tier, dims(current)),
    ],
    tracks: { save: saveTrack() },
    plays: [
      play({
        at: daysAgo(5),
        title: 'Data export request: call today',
        ruleId: 'data-export-request',
      }),
      play({ at: daysAgo(20) }),
      play({
        at: daysAgo(21),
        title: 'Payment recovery emails',
        ruleId: 'payment-failed',
        kind: 'enroll',
        status: 'skipped',
        detail: 'the billing contact opted out of email',
      }),
      play({
        at: daysAgo(40),
        title: 'Competitor mentioned: understand the comparison',
        status: 'held',
      }),
    ],
    mrrHistory: [
      { at: '2026-09-01T00:00:00Z', mrr: 1500 },
      { at: '2026-11-01T00:00:00Z', mrr: 1200 },
    ],
    renewal: {
      date: '2027-02-01',
      daysToGo: 57,
      forecast: 'likely',
      reason: 'Monitor, 57 days to go',
    },
    qbrDate: '2026-12-20',
    ownerName: 'Jordan Blake',
    ...overrides,
  };
}

export function dims(e: Explanation): Record<string, number | null> {
  return Object.fromEntries(Object.entries(e.dimensions).map(([k, d]) => [k, d.score]));
}

export function section(brief: { sections: { key: string }[] }, key: string) {
  const found = brief.sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found as { key: string; heading: string; lines: string[]; missing?: string[] };
}
