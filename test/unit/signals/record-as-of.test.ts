import { describe, expect, it } from 'vitest';
import { recordAsOf } from '../../../src/signals/record-as-of.ts';

const record = {
  id: '7',
  properties: { logins: '90', notes_last_contacted: '2026-11-10T09:00:00Z', name: 'Acme' },
  propertiesWithHistory: {
    logins: [
      { value: '90', timestamp: '2026-11-01T06:00:00Z' },
      { value: '40', timestamp: '2026-09-01T06:00:00Z' },
      { value: '70', timestamp: '2026-06-01T06:00:00Z' },
    ],
    notes_last_contacted: [{ value: '2026-11-10T09:00:00Z', timestamp: '2024-01-05T00:00:00Z' }],
  },
};

describe('recordAsOf', () => {
  it('takes the last version written by then, whatever order HubSpot lists them in', () => {
    const at = new Date('2026-10-15T06:00:00Z');
    expect(recordAsOf(record, at).properties.logins).toBe('40');
    const shuffled = {
      ...record,
      propertiesWithHistory: { logins: [...record.propertiesWithHistory.logins].reverse() },
    };
    expect(recordAsOf(shuffled, at).properties.logins).toBe('40');
  });

  it('reads a property as missing before its first version, and keeps those without history', () => {
    const at = new Date('2026-01-15T06:00:00Z');
    const then = recordAsOf(record, at).properties;
    expect(then.logins).toBeNull();
    expect(then.name).toBe('Acme');
  });

  it('of two versions written at one instant, keeps the one HubSpot lists first (the later)', () => {
    const tied = {
      id: '8',
      properties: {},
      propertiesWithHistory: {
        logins: [
          { value: 'second', timestamp: '2026-05-01T06:00:00Z' },
          { value: 'first', timestamp: '2026-05-01T06:00:00Z' },
        ],
      },
    };
    expect(recordAsOf(tied, new Date('2026-06-01T00:00:00Z')).properties.logins).toBe('second');
  });

  it('hides a date that was not known yet, so next month cannot make last month look tended', () => {
    const dates = new Set(['notes_last_contacted']);
    const before = recordAsOf(record, new Date('2026-10-15T06:00:00Z'), dates).properties;
    expect(before.notes_last_contacted).toBeNull();
    const after = recordAsOf(record, new Date('2026-11-15T06:00:00Z'), dates).properties;
    expect(after.notes_last_contacted).toBe('2026-11-10T09:00:00Z');
  });
});
