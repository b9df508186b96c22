/** The owner's name, else their HubSpot owner id, else "Unassigned". */
export function ownerLabel(row: { ownerId: string | null; ownerName: string | null }): string {
  if (row.ownerName !== null) return row.ownerName;
  return row.ownerId === null ? 'Unassigned' : `Owner ${row.ownerId}`;
}
