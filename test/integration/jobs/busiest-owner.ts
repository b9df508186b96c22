import type { PlaysWorld } from '../../support/plays-world.ts';

/**
 * The owner with the most paying customers that have no save task yet and score 60 or more (so
 * a collapse is a sharp drop that fires), with those companies.
 */
export async function busiestOwner(world: PlaysWorld): Promise<{ owner: string; ids: string[] }> {
  const ids = world.companyIds();
  const [scores, tracks] = await Promise.all([
    world.store.latestScores('sandbox', ids),
    world.store.openTracks('sandbox', ids),
  ]);
  const byOwner = new Map<string, string[]>();
  for (const { id, properties } of world.portal<{ id: number; properties: string }>(
    `SELECT id, properties FROM objects WHERE type = 'companies' ORDER BY id`,
  )) {
    const p = JSON.parse(properties) as Record<string, string | undefined>;
    const key = String(id);
    const ok =
      p.customer_status === 'active' &&
      p.hubspot_owner_id !== undefined &&
      (scores.get(key)?.score ?? 0) >= 60 &&
      !tracks.get(key)?.save?.task;
    if (ok) byOwner.set(p.hubspot_owner_id!, [...(byOwner.get(p.hubspot_owner_id!) ?? []), key]);
  }
  const [owner, companies] = [...byOwner].sort((a, b) => b[1].length - a[1].length)[0]!;
  return { owner, ids: companies };
}
