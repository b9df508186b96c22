import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../src/store/store.ts';
import {
  collapse,
  HOUR,
  NOW,
  playsWorld,
  quietAccounts,
  setCompany,
  type PlaysWorld,
} from '../../support/plays-world.ts';

async function wholeLedger(world: PlaysWorld): Promise<LedgerEntry[]> {
  const entries = await Promise.all(world.companyIds().map((id) => world.ledger(id)));
  return entries.flat();
}

/** Every task the sandbox holds, by the marker its body carries. */
function tasksByMarker(world: PlaysWorld): Map<string, string[]> {
  const byMarker = new Map<string, string[]>();
  for (const row of world.portal<{ id: number; properties: string }>(
    `SELECT id, properties FROM objects WHERE type = 'tasks'`,
  )) {
    const body = (JSON.parse(row.properties) as { hs_task_body?: string }).hs_task_body ?? '';
    const marker = /Ref: (vt[0-9a-f]{16})/.exec(body)?.[1];
    if (marker) byMarker.set(marker, [...(byMarker.get(marker) ?? []), String(row.id)]);
  }
  return byMarker;
}

describe('plays when HubSpot answers some calls with a server error', () => {
  it('finishes every run at 5 % 5xx, and makes every intended task and enrolment exactly once', async () => {
    // Settling waits out the sandbox's search lag (2 to 5 s) before it concludes "not made".
    const world = await playsWorld(120, {}, { settleAfterSeconds: 5 });
    await world.run();
    const quiet = await quietAccounts(world);
    expect(quiet.length).toBeGreaterThanOrEqual(6);
    world.sandbox.setFaults({ serverErrorRate: 0.05, serverErrorSeed: 8 });
    const ids = world.companyIds();
    let uncertain = 0;
    // Several runs, each with new triggers: a collapse (a task) and, for a quarter of the
    // accounts, a renewal date 85 days ahead (enrolments, one call per contact); more runs while
    // no create or enrolment has met a 5xx yet.
    for (let i = 0; i < 6 && (i < 3 || uncertain === 0); i++) {
      for (const id of quiet.slice(i, i + 1)) await collapse(world.gateway, id);
      for (const id of ids.slice(i * 30, i * 30 + 30))
        await setCompany(world.gateway, id, { renewal_date: '2027-02-09' });
      const run = await world.run(new Date(NOW.getTime() + (i + 1) * HOUR));
      uncertain += run.plays.uncertain.length;
    }
    // The faults reached the creates and enrolments, not only the reads the gateway retries.
    expect(uncertain).toBeGreaterThan(0);

    world.sandbox.setFaults({ serverErrorRate: 0 });
    await world.run(new Date(NOW.getTime() + 10 * HOUR));
    const ledger = await wholeLedger(world);
    expect(ledger.filter((e) => e.status === 'uncertain' || e.status === 'intent')).toEqual([]);
    const byMarker = tasksByMarker(world);
    for (const entry of ledger.filter((e) => e.kind === 'task' && e.status === 'done'))
      expect(byMarker.get(entry.marker), entry.key).toEqual([entry.hubspotId]);
    // And no task the ledger does not know: none was made twice under another marker.
    const known = new Set(ledger.map((e) => e.marker));
    expect([...byMarker.keys()].filter((m) => !known.has(m))).toEqual([]);
    const twice = world.portal(
      'SELECT contact_id FROM enrollments GROUP BY contact_id, sequence_id HAVING COUNT(*) > 1',
    );
    expect(twice).toEqual([]);
  }, 120_000);
});
