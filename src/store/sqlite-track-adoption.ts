import type Database from 'better-sqlite3';
import type { OpenTracks } from '../plays/play-types.ts';
import { actionMarker } from './action-marker.ts';
import { isoInstant } from './iso-instant.ts';
import type { TrackAdoption } from './store.ts';

const ADOPTED = 'plays-adopted';
const DETAIL =
  'Found open in HubSpot when the store had no record of it: adopted as its track’s task.';
// Adoption is no evaluation: the play state it creates loses to any real one.
const NEVER_EVALUATED = '1970-01-01T00:00:00.000Z';

/** Found tasks back into the ledger and the play state, on SQLite: synchronous. */
export function sqliteTrackAdoption(db: Database.Database, now: () => Date) {
  const knownIds = db
    .prepare<{ portal: string; ids: string }, string>(
      `
      SELECT hubspot_id FROM action_ledger
      WHERE portal = @portal AND hubspot_id IN (SELECT value FROM json_each(@ids))`,
    )
    .pluck();
  const tracksOf = db
    .prepare<{ portal: string; companyId: string }, string | null>(
      'SELECT tracks FROM play_state WHERE portal = @portal AND company_id = @companyId',
    )
    .pluck();
  const saveTracks = db.prepare(`
    INSERT INTO play_state (portal, company_id, active_rules, evaluated_at, tracks, readings)
    VALUES (@portal, @companyId, '[]', @never, @tracks, NULL)
    ON CONFLICT (portal, company_id) DO UPDATE SET tracks = excluded.tracks`);
  // done_at is when the task was made, so it counts against its owner's cap on that day only.
  const insertDone = db.prepare(`INSERT INTO action_ledger
    (portal, key, company_id, rule_id, episode, kind, owner_id, status, marker, payload,
     hubspot_id, detail, created_at, updated_at, done_at)
    VALUES (@portal, @key, @companyId, @ruleId, @episode, 'task', @ownerId, 'done', @marker,
     @payload, @hubspotId, @detail, @now, @now, @doneAt)
    ON CONFLICT (portal, key) DO NOTHING`);
  const setFlag = db.prepare(`INSERT INTO portal_flags (portal, name, value)
    VALUES (@portal, @name, @value) ON CONFLICT (portal, name) DO UPDATE SET value = excluded.value`);
  const flag = db
    .prepare<{ portal: string; name: string }, string>(
      'SELECT value FROM portal_flags WHERE portal = @portal AND name = @name',
    )
    .pluck();

  const adoptOne = (portal: string, adoption: TrackAdoption, known: ReadonlySet<string>) => {
    if (adoption.tasks.some((t) => known.has(t.hubspotId))) return 0;
    const saved = tracksOf.get({ portal, companyId: adoption.companyId });
    const tracks = saved ? (JSON.parse(saved) as OpenTracks) : {};
    if (tracks[adoption.track.kind]) return 0;
    const at = now().toISOString();
    let adopted = 0;
    for (const { action, hubspotId, createdAt } of adoption.tasks) {
      const row = {
        portal,
        key: action.key,
        companyId: action.companyId,
        ruleId: action.ruleId,
        episode: action.episode,
        ownerId: action.ownerId,
        marker: actionMarker(portal, action.key),
        payload: JSON.stringify(action),
        hubspotId,
        detail: DETAIL,
        now: at,
        doneAt: isoInstant(createdAt, 'createdAt'),
      };
      adopted += insertDone.run(row).changes;
    }
    tracks[adoption.track.kind] = adoption.track;
    saveTracks.run({
      portal,
      companyId: adoption.companyId,
      never: NEVER_EVALUATED,
      tracks: JSON.stringify(tracks),
    });
    return adopted;
  };

  return {
    adopt: db.transaction((portal: string, adoptions: readonly TrackAdoption[], at: string) => {
      const ids = adoptions.flatMap((a) => a.tasks.map((t) => t.hubspotId));
      const known = new Set(knownIds.all({ portal, ids: JSON.stringify(ids) }));
      let adopted = 0;
      for (const adoption of adoptions) adopted += adoptOne(portal, adoption, known);
      setFlag.run({ portal, name: ADOPTED, value: isoInstant(at, 'at') });
      return adopted;
    }),
    adoptedAt(portal: string): string | null {
      return (flag.get({ portal, name: ADOPTED }) as string | undefined) ?? null;
    },
  };
}
