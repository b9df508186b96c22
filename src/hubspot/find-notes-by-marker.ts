import { findRecordsByMarker } from './find-records-by-marker.ts';
import type { GatewayContext } from './gateway-context.ts';

/**
 * Marker → id of the note whose hs_note_body carries it, so a run that crashed between writing
 * notes and recording them can learn their ids. Markers are 8 to 100 letters and digits; those
 * no note carries are absent; of several notes with one marker, the oldest wins. HubSpot's
 * search trails writes by a few seconds: a note written moments ago may not be found yet.
 */
export function findNotesByMarker(
  ctx: GatewayContext,
  markers: readonly string[],
): Promise<Map<string, string>> {
  return findRecordsByMarker(
    ctx,
    {
      endpoint: 'notes.search',
      singular: 'note',
      bodyProperty: 'hs_note_body',
      doSearch: (request) => ctx.sdk.notesSearch.doSearch(request),
    },
    markers,
  );
}
