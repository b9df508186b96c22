import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPortalDatabase } from '../../../src/sandbox/portal-database.ts';
import { seedSandbox } from '../../../src/sandbox/start-sandbox.ts';
import { USAGE_PROPERTIES } from '../../../src/sandbox/generate-usage.ts';

function portal(historyMonths: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitals-usage-history-'));
  const summary = seedSandbox({ dataDir, companies: 120, historyMonths });
  // Every company's drawn path ended as the seed says: churned in its month, or still here.
  expect(summary.historyUnmatched).toBe(0);
  return openPortalDatabase(dataDir);
}

describe('the seeded usage history', () => {
  it('leaves every seeded record exactly as it is without history', () => {
    const plain = portal(0);
    const withHistory = portal(24);
    const all = 'SELECT id, type, properties, created_at, updated_at FROM objects ORDER BY id';
    expect(withHistory.prepare(all).all()).toEqual(plain.prepare(all).all());
    expect(plain.prepare('SELECT COUNT(*) AS n FROM property_history').get()).toEqual({ n: 0 });
    plain.close();
    withHistory.close();
  });

  it('ends each property on its seeded value, writes oldest first, and holds only usage properties', () => {
    const db = portal(24);
    const rows = db
      .prepare(
        'SELECT h.object_id AS id, h.name, h.value, h.timestamp, o.properties FROM property_history h JOIN objects o ON o.id = h.object_id ORDER BY h.rowid',
      )
      .all() as {
      id: number;
      name: string;
      value: string;
      timestamp: string;
      properties: string;
    }[];
    expect(rows.length).toBeGreaterThan(1_000);
    const last = new Map<string, (typeof rows)[number]>();
    for (const row of rows) {
      expect(USAGE_PROPERTIES).toContain(row.name);
      const key = `${row.id}:${row.name}`;
      const previous = last.get(key);
      if (previous) {
        expect(row.timestamp > previous.timestamp).toBe(true);
        expect(row.value).not.toBe(previous.value);
      }
      last.set(key, row);
    }
    for (const row of last.values())
      expect(row.value).toBe((JSON.parse(row.properties) as Record<string, string>)[row.name]);
    // Nothing is dated after the portal's "today".
    expect(rows.every((r) => r.timestamp <= '2026-11-16')).toBe(true);
    db.close();
  });
});
