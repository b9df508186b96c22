import type { CardPlay, CompanyCard } from '../../../extensions/app/cards/card-contract.ts';

export const COMPANY_ID = '42';

export function aPlay(overrides: Partial<CardPlay> = {}): CardPlay {
  return {
    id: 'champion-left',
    title: 'Find a new champion',
    why: 'Your champion left the company 12 days ago.',
    priority: 'HIGH',
    dueAt: '2026-03-04T15:00:00.000Z',
    status: 'open',
    taskId: null,
    detail: null,
    heldUntil: null,
    ...overrides,
  };
}

/** A scored company as GET CARD_PATHS.company answers it. */
export function aCard(overrides: Partial<CompanyCard> = {}): CompanyCard {
  return {
    companyId: COMPANY_ID,
    name: 'Acme',
    state: 'scored',
    score: 62,
    tier: { key: 'at_risk', label: 'At risk', color: 'orange' },
    change7d: -5,
    coverage: 70,
    missing: ['NPS', 'Support tickets'],
    dimensions: [
      { key: 'engagement', label: 'Engagement', score: 8, weight: 40 },
      { key: 'relationship', label: 'Relationship', score: 2.5, weight: 35 },
      { key: 'sentiment', label: 'Sentiment', score: null, weight: 25 },
    ],
    drivers: [{ label: 'Champion', value: 'left', impact: -15 }],
    levers: [{ label: 'Reply time', target: 'under 2 days', gain: 6 }],
    plays: [aPlay()],
    history: [
      { at: '2026-02-01T00:00:00.000Z', score: 70 },
      { at: '2026-02-08T00:00:00.000Z', score: null },
      { at: '2026-02-15T00:00:00.000Z', score: 62 },
    ],
    scoredAt: '2026-02-15T06:00:00.000Z',
    checkedAt: '2026-02-15T06:00:00.000Z',
    model: 'retention-os v1',
    ...overrides,
  };
}

/** The record's health properties as useCrmProperties hands them over (strings). */
export const WRITTEN_PROPERTIES: Record<string, string | null> = {
  health_score: '62',
  health_tier: 'at_risk',
  health_score_change_7d: '-5',
  health_coverage: '70',
  health_top_drivers: 'Champion: left (−15)',
  health_recommended_plays: 'Find a new champion\nBook a business review',
  health_changed_at: '2026-02-15T06:00:00.000Z',
};

export const NO_PROPERTIES: Record<string, string | null> = Object.fromEntries(
  Object.keys(WRITTEN_PROPERTIES).map((name) => [name, null]),
);
