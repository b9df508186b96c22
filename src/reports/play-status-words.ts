import type { PlayStatus } from './report-input.ts';

/** A play's status as a CS leader reads it. */
export const PLAY_STATUS_WORDS: Record<PlayStatus, string> = {
  open: 'To do, no task yet',
  'task-created': 'Task in HubSpot',
  held: 'Waiting for the daily task limit',
  skipped: 'Skipped',
  enrolled: 'Contacts in the sequence',
  dismissed: 'Dismissed',
  completed: 'Done',
};
