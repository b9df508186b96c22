import type { ScoreRecord } from '../../../src/store/store.ts';

/** A complete history row; tests override only what they are about. */
export function scoreRecord(overrides: Partial<ScoreRecord> = {}): ScoreRecord {
  return {
    portal: 'sandbox',
    companyId: '101',
    scoredAt: '2025-03-10T12:00:00.000Z',
    score: 72,
    tier: 'healthy',
    coverage: 88,
    dimensions: { usage: 80, engagement: 65, financial: null },
    model: { name: 'retention-os', version: '1.0.0' },
    topDrivers: 'Logins up 12%; champion engaged',
    ...overrides,
  };
}

/** A history row of the sandbox portal that only says who scored what when. */
export function scored(companyId: string, scoredAt: string, score: number | null): ScoreRecord {
  return scoreRecord({ companyId, scoredAt, score });
}
