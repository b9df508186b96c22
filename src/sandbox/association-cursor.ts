// HubSpot's cursors are opaque strings; this one carries the last associated id of the page,
// base64url so no caller is tempted to compute one.
const PREFIX = 'to:';

/** The `after` of the page that follows the one ending at associated id `lastToId`. */
export function encodeAssociationCursor(lastToId: number): string {
  return Buffer.from(`${PREFIX}${lastToId}`).toString('base64url');
}

/** The associated id a cursor continues after, or undefined when it is not one of ours. */
export function decodeAssociationCursor(after: string): number | undefined {
  const text = Buffer.from(after, 'base64url').toString();
  const id = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  return /^\d{1,16}$/.test(id) ? Number(id) : undefined;
}
