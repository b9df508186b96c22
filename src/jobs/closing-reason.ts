import type { PlannedAction } from '../plays/play-types.ts';

// trackBody (src/plays/track-body.ts) opens a closed task with "Closed by Vitals on DATE: reason."
const CLOSED = /^Closed by Vitals on [^:]+: (.+?)\.?$/;

/** Why Vitals completed a track's task ("the account recovered (78, Healthy)…"), from its close. */
export function closingReason(close: PlannedAction): string | null {
  if (close.kind !== 'task-update') return null;
  return CLOSED.exec(close.body.split('\n', 1)[0] ?? '')?.[1] ?? null;
}
