import type { NoteInput } from '../hubspot/create-notes.ts';
import type { NoteAction } from '../plays/play-types.ts';

// HUBSPOT_DEFINED association type of a note on a company (HubSpot's associations v4 reference).
const NOTE_TO_COMPANY = 190;

/** One word (to HubSpot's search) on the last line of every note Vitals writes. */
export const VITALS_NOTE_TAG = 'VitalsNote';

/**
 * The HubSpot note for a planned one, dated now so it sits at the top of the timeline. Its last
 * line carries the marker (how a run that crashed finds it again instead of writing a second)
 * and the tag with the brief's kind (how Vitals finds its notes when its store was lost).
 */
export function noteInput(action: NoteAction, marker: string, now: Date): NoteInput {
  const properties: Record<string, string> = {
    hs_timestamp: now.toISOString(),
    hs_note_body: `${action.body}<p>Ref: ${marker} #${VITALS_NOTE_TAG} ${action.brief}</p>`,
  };
  if (action.ownerId !== null) properties.hubspot_owner_id = action.ownerId;
  return {
    properties,
    associations: [{ id: action.companyId, typeId: NOTE_TO_COMPANY }],
    traceId: action.key,
  };
}
