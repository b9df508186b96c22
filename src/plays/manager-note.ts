/** The note that heads the manager's copy of an escalation. */
export function managerNote(ownerId: string): string {
  return `Escalation: the account owner (HubSpot owner ${ownerId}) has the same task. Make sure it happens, and join the call if it helps.`;
}
