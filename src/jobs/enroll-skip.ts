import type { EnrollAction, PlaySettings } from '../plays/play-types.ts';

/** Why an enrolment cannot go ahead before any call (the contact, the config), or null. */
export function enrollSkip(action: EnrollAction, settings: PlaySettings): string | null {
  const { userId, email } = settings.sender;
  return (
    action.skip ??
    (action.sequenceId === null ? 'no sequence is configured for this play' : null) ??
    (userId === null || email === null
      ? 'no sending user is configured (plays.sender.userId and plays.sender.email)'
      : null)
  );
}
