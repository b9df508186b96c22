import { enrollmentSkipReason } from '../hubspot/enrollment-skip-reason.ts';
import { failEntry } from './fail-entry.ts';
import { playsEffect } from './plays-effect.ts';
import { HubSpotError } from '../hubspot/hubspot-error.ts';
import type { EnrollAction } from '../plays/play-types.ts';
import type { LedgerEntry } from '../store/store.ts';
import type { PlaysContext } from './apply-plays.ts';
import { callFailure } from './call-failure.ts';
import { enrollSkip } from './enroll-skip.ts';
import { skipEntry } from './skip-entry.ts';
import { uncertainEntry } from './uncertain-entry.ts';

const SKIP_WORDS: Record<string, string> = {
  'no-email': 'the contact has no email address',
  'opted-out': 'the contact opted out of email',
  'already-enrolled': 'the contact is already in a sequence',
};

/**
 * send: a fresh enrolment goes straight in (HubSpot refuses a contact already in a sequence,
 * which costs one call instead of two). recover: an earlier call may have gone through (a crash,
 * a 5xx), so look first. adopt: the store is new and HubSpot may have enrolled the contact
 * before it, so look first and report what was found as adopted.
 */
export type EnrolMode = 'send' | 'recover' | 'adopt';

/** Enrols the contact of a recorded enrolment, settling the entry whatever HubSpot answers. */
export async function enrollEntry(
  ctx: PlaysContext,
  entry: LedgerEntry,
  mode: EnrolMode,
): Promise<void> {
  const action = entry.action as EnrollAction;
  const skip = enrollSkip(action, ctx.settings);
  if (skip !== null) return skipEntry(ctx, entry, skip);
  try {
    const current = mode === 'send' ? null : await ctx.gateway.currentEnrollment(action.contactId);
    if (current) {
      // The same sequence means our own earlier call (or the lost store's) went through.
      if (current.sequenceId === action.sequenceId) {
        await ctx.store.completeAction(ctx.portal, entry.key, current.id);
        if (mode === 'adopt') ctx.tally.adopted.push(playsEffect(entry));
        else if (ctx.tally.uncertain.some((e) => e.key === entry.key))
          ctx.tally.enrolled.push(playsEffect(entry));
        return;
      }
      const name = current.sequenceName ? ` ("${current.sequenceName}")` : '';
      return skipEntry(ctx, entry, `the contact is already in another sequence${name}`);
    }
    await enroll(ctx, entry, action);
  } catch (error) {
    if (callFailure(error) === 'unknown') return uncertainEntry(ctx, entry, error);
    const reason = enrollmentSkipReason(error);
    if (reason === null) throw error;
    if (reason === 'other') {
      const message = error instanceof HubSpotError ? error.message : String(error);
      return failEntry(ctx, entry, message);
    }
    await skipEntry(ctx, entry, SKIP_WORDS[reason]!);
  }
}

async function enroll(ctx: PlaysContext, entry: LedgerEntry, action: EnrollAction): Promise<void> {
  const { userId, email } = ctx.settings.sender;
  const enrollment = await ctx.gateway.enrollInSequence({
    contactId: action.contactId,
    sequenceId: action.sequenceId!,
    senderEmail: email!,
    userId: userId!,
  });
  await ctx.store.completeAction(ctx.portal, entry.key, enrollment.id);
  ctx.tally.enrolled.push(playsEffect(entry));
}
