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
 * before it; it goes straight in too, and only a refusal as "already enrolled" is looked up, so
 * a first install pays one call per enrolment and a lost store two only where it had enrolled.
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
    if (mode === 'recover' && (await settledByCurrent(ctx, entry, action, mode))) return;
    await enroll(ctx, entry, action);
  } catch (error) {
    if (callFailure(error) === 'unknown') return uncertainEntry(ctx, entry, error);
    const reason = enrollmentSkipReason(error);
    if (reason === null) throw error;
    if (reason === 'other') {
      const message = error instanceof HubSpotError ? error.message : String(error);
      return failEntry(ctx, entry, message);
    }
    if (
      reason === 'already-enrolled' &&
      mode === 'adopt' &&
      (await adoptedAfterRefusal(ctx, entry, action))
    )
      return;
    await skipEntry(ctx, entry, SKIP_WORDS[reason]!);
  }
}

/**
 * Settles the entry by the contact's current enrolment, when it has one: the same sequence is
 * this enrolment (ours, or the lost store's), another one is a reason to skip. False: none.
 */
async function settledByCurrent(
  ctx: PlaysContext,
  entry: LedgerEntry,
  action: EnrollAction,
  mode: EnrolMode,
): Promise<boolean> {
  const current = await ctx.gateway.currentEnrollment(action.contactId);
  if (!current) return false;
  if (current.sequenceId === action.sequenceId) {
    await ctx.store.completeAction(ctx.portal, entry.key, current.id);
    if (mode === 'adopt') ctx.tally.adopted.push(playsEffect(entry));
    else if (ctx.tally.uncertain.some((e) => e.key === entry.key))
      ctx.tally.enrolled.push(playsEffect(entry));
    return true;
  }
  const name = current.sequenceName ? ` ("${current.sequenceName}")` : '';
  await skipEntry(ctx, entry, `the contact is already in another sequence${name}`);
  return true;
}

/** HubSpot says the contact is enrolled already: in this sequence, the enrolment is adopted. */
async function adoptedAfterRefusal(
  ctx: PlaysContext,
  entry: LedgerEntry,
  action: EnrollAction,
): Promise<boolean> {
  try {
    return await settledByCurrent(ctx, entry, action, 'adopt');
  } catch (error) {
    // Without the look-up the refusal still stands: skipped as already enrolled.
    if (callFailure(error) === 'unknown') return false;
    throw error;
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
