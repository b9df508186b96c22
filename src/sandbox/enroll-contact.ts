import type { Request, Response } from 'express';
import { z } from 'zod';
import { cachedStatement } from './cached-statement.ts';
import { objectStore } from './object-store.ts';
import { parseBody } from './parse-body.ts';
import type { PortalContext } from './portal-context.ts';
import { notFoundError, validationError } from './sandbox-http-error.ts';
import { alreadyEnrolledError, foreignSequenceError } from './sequence-refusals.ts';
import { sequenceUser, type SequenceUser } from './sequence-user.ts';

const Enroll = z.object({
  contactId: z.union([z.string(), z.number()]),
  sequenceId: z.union([z.string(), z.number()]),
  senderEmail: z.string().min(1),
  senderAliasAddress: z.string().optional(),
});

const digits = (value: string | number) => (/^\d{1,16}$/.test(String(value)) ? Number(value) : -1);

/** The contact's email, if it may receive a sequence at all. */
function recipientEmail(ctx: PortalContext, contactId: number): string {
  const row = objectStore(ctx.db).find('contacts', contactId);
  if (!row) throw notFoundError(`Contact ${contactId} does not exist.`);
  const properties = JSON.parse(row.properties) as Record<string, string>;
  if (!properties.email)
    throw validationError(`Contact ${contactId} has no email address to enroll.`);
  if (properties.hs_email_optout === 'true') {
    throw validationError(
      `Contact ${contactId} has unsubscribed from all email and cannot be enrolled.`,
    );
  }
  return properties.email;
}

function refuseIfEnrolled(ctx: PortalContext, contactId: number): void {
  const current = cachedStatement(
    ctx.db,
    'SELECT sequence_id AS sequenceId FROM enrollments WHERE contact_id = ?',
  ).get(contactId) as { sequenceId: number } | undefined;
  if (!current) return;
  throw alreadyEnrolledError(ctx.sequenceErrors.alreadyEnrolled, contactId, current.sequenceId);
}

/** The sequence to enroll through: it must exist and be the enrolling user's own. */
function ownSequence(ctx: PortalContext, user: SequenceUser, given: string | number): number {
  const sequenceId = digits(given);
  const sequence = cachedStatement(
    ctx.db,
    'SELECT user_id AS userId FROM sequences WHERE id = ?',
  ).get(sequenceId) as { userId: number } | undefined;
  if (!sequence) throw notFoundError(`Sequence ${given} does not exist.`);
  if (sequence.userId !== user.userId) {
    throw foreignSequenceError(ctx.sequenceErrors.foreignSequence, sequenceId, user.userId);
  }
  return sequenceId;
}

/** POST /automation/v4/sequences/enrollments?userId=: one sequence at a time per contact. */
export function enrollContact(ctx: PortalContext) {
  return (req: Request, res: Response): void => {
    const user = sequenceUser(ctx, req);
    const body = parseBody(Enroll, req.body);
    const sequenceId = ownSequence(ctx, user, body.sequenceId);
    if (body.senderEmail.toLowerCase() !== user.email.toLowerCase()) {
      throw validationError(
        `senderEmail ${body.senderEmail} is not the connected inbox of user ${user.userId}.`,
      );
    }
    const contactId = digits(body.contactId);
    const toEmail = recipientEmail(ctx, contactId);
    refuseIfEnrolled(ctx, contactId);
    const at = ctx.now().toISOString();
    const { lastInsertRowid } = cachedStatement(
      ctx.db,
      `INSERT INTO enrollments SELECT COALESCE(MAX(id), 6200000000) + 1, ?, ?, ?, ?, ?, ? FROM enrollments`,
    ).run(contactId, sequenceId, user.userId, toEmail, at, at);
    res.json({ id: String(lastInsertRowid), toEmail, enrolledAt: at, updatedAt: at });
  };
}
