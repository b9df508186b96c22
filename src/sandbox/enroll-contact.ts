import type { Request, Response } from 'express';
import { z } from 'zod';
import { cachedStatement } from './cached-statement.ts';
import { objectStore } from './object-store.ts';
import { parseBody } from './parse-body.ts';
import type { PortalContext } from './portal-context.ts';
import { notFoundError, SandboxHttpError, validationError } from './sandbox-http-error.ts';
import { sequenceUser } from './sequence-user.ts';

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
  const category = ctx.alreadyEnrolledStatus === 409 ? 'CONFLICT' : 'VALIDATION_ERROR';
  const message = `Contact ${contactId} is already enrolled in sequence ${current.sequenceId}.`;
  throw new SandboxHttpError(ctx.alreadyEnrolledStatus, category, message);
}

/** POST /automation/v4/sequences/enrollments?userId=: one sequence at a time per contact. */
export function enrollContact(ctx: PortalContext) {
  return (req: Request, res: Response): void => {
    const user = sequenceUser(ctx, req);
    const body = parseBody(Enroll, req.body);
    const sequenceId = digits(body.sequenceId);
    if (!cachedStatement(ctx.db, 'SELECT 1 FROM sequences WHERE id = ?').get(sequenceId)) {
      throw notFoundError(`Sequence ${body.sequenceId} does not exist.`);
    }
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
