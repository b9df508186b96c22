import { enrollmentSkipReason } from '../hubspot/enrollment-skip-reason.ts';
import { failEntry } from './fail-entry.ts';
import { playsEffect } from './plays-effect.ts';
import { HubSpotError } from '../hubspot/hubspot-error.ts';
import type { EnrollAction } from '../plays/play-types.ts';
import type { LedgerEntry } from '../store/store.ts';
import type { PlaysContext } from './apply-plays.ts';
import { enrollSkip } from './enroll-skip.ts';
import { skipEntry } from './skip-entry.ts';

const SKIP_WORDS: Record<string, string> = {
  'no-email': 'the contact has no email address',
  'opted-out': 'the contact opted out of email',
  'already-enrolled': 'the contact is already in a sequence',
};

/**
 * Enrols the contact of a recorded enrolment. `recovering`: a crash may have come after HubSpot
 * enrolled the contact, so look first. A fresh enrolment goes straight in: HubSpot refuses a
 * contact already in a sequence, which costs one call instead of two.
 */
export async function enrollEntry(
  ctx: PlaysContext,
  entry: LedgerEntry,
  recovering: boolean,
): Promise<void> {
  const action = entry.action as EnrollAction;
  const skip = enrollSkip(action, ctx.settings);
  if (skip !== null) return skipEntry(ctx, entry, skip);
  const { userId, email } = ctx.settings.sender;
  const current = recovering ? await ctx.gateway.currentEnrollment(action.contactId) : null;
  if (current) {
    // The same sequence means our own earlier call went through before a crash.
    if (current.sequenceId === action.sequenceId) {
      await ctx.store.completeAction(ctx.portal, entry.key, current.id);
      return;
    }
    const name = current.sequenceName ? ` ("${current.sequenceName}")` : '';
    return skipEntry(ctx, entry, `the contact is already in another sequence${name}`);
  }
  try {
    const enrollment = await ctx.gateway.enrollInSequence({
      contactId: action.contactId,
      sequenceId: action.sequenceId!,
      senderEmail: email!,
      userId: userId!,
    });
    await ctx.store.completeAction(ctx.portal, entry.key, enrollment.id);
    ctx.tally.enrolled.push(playsEffect(entry));
  } catch (error) {
    const reason = enrollmentSkipReason(error);
    if (reason === null) throw error;
    if (reason === 'other') {
      const message = error instanceof HubSpotError ? error.message : String(error);
      return failEntry(ctx, entry, message);
    }
    await skipEntry(ctx, entry, SKIP_WORDS[reason]!);
  }
}
