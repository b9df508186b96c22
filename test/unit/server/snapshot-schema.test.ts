import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CardSnapshot } from '../../../src/jobs/card-snapshot.ts';
import { snapshotSchema, type StoredSnapshot } from '../../../src/server/snapshot-schema.ts';
import { enrollAction, taskAction } from '../store/planned-action.ts';

const snapshot: CardSnapshot = {
  companyId: '101',
  name: null,
  state: 'no-data',
  score: null,
  tier: { key: 'unknown', label: 'No data', color: 'gray' },
  change7d: null,
  coverage: 0,
  missing: ['Logins'],
  dimensions: [{ key: 'usage', label: 'Usage', score: null, weight: 30 }],
  drivers: [],
  levers: [],
  plays: [
    {
      id: 'renewal-90d',
      title: 'Renewal in 90 days',
      why: 'renews on 2025-06-01',
      priority: 'MEDIUM',
      dueAt: '2025-03-12T17:00:00.000Z',
      actions: [taskAction({ ruleId: 'renewal-90d' }), enrollAction({ ruleId: 'renewal-90d' })],
    },
  ],
  scoredAt: '2025-03-10T12:00:00.000Z',
  model: 'retention-os v1',
};

describe('snapshotSchema', () => {
  it('describes no more than what cardSnapshot saves', () => {
    expectTypeOf<StoredSnapshot>().toExtend<CardSnapshot>();
  });

  it('reads back a saved snapshot as it was saved', () => {
    const saved: unknown = JSON.parse(JSON.stringify(snapshot));
    expect(snapshotSchema.parse(saved)).toEqual(snapshot);
  });

  it('refuses a snapshot of another shape, naming where', () => {
    const wrong = { ...snapshot, tier: { ...snapshot.tier, color: 'purple' } };
    const result = snapshotSchema.safeParse(wrong);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['tier', 'color']);
  });
});
