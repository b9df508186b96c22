import type { Request, Response } from 'express';
import { LIMITS } from './batch-limits.ts';
import { cachedStatement } from './cached-statement.ts';
import { enrollContact } from './enroll-contact.ts';
import type { PortalContext } from './portal-context.ts';
import { cursorParam, integerParam } from './query-params.ts';
import { notFoundError } from './sandbox-http-error.ts';
import type { SandboxRoute } from './sandbox-route.ts';
import { answerNoEnrollment } from './sequence-refusals.ts';
import { sequenceUser } from './sequence-user.ts';

const READ = 'automation.sequences.read';
const BASE = '/automation/v4/sequences';
const SEQUENCE = `SELECT CAST(id AS TEXT) AS id, name, CAST(user_id AS TEXT) AS userId,
  created_at AS createdAt, updated_at AS updatedAt FROM sequences`;
const ENROLLMENT = `SELECT CAST(e.id AS TEXT) AS id, CAST(e.sequence_id AS TEXT) AS sequenceId,
  s.name AS sequenceName, e.enrolled_at AS enrolledAt, CAST(e.user_id AS TEXT) AS enrolledBy,
  o.email AS enrolledByEmail, e.to_email AS toEmail, e.updated_at AS updatedAt
  FROM enrollments e JOIN sequences s ON s.id = e.sequence_id JOIN owners o ON o.user_id = e.user_id
  WHERE e.contact_id = ? ORDER BY e.id DESC LIMIT 1`;

function listSequences(ctx: PortalContext, req: Request, res: Response): void {
  sequenceUser(ctx, req);
  const limit = integerParam(req.query.limit, 'limit', 10, 1, LIMITS.sequencesPage);
  const after = cursorParam(req.query.after);
  const count = cachedStatement(ctx.db, 'SELECT COUNT(*) AS total FROM sequences').get();
  const { total } = count as { total: number };
  const page = cachedStatement(ctx.db, `${SEQUENCE} ORDER BY id LIMIT ? OFFSET ?`);
  const results = page.all(limit, after);
  const next = after + limit < total ? String(after + limit) : undefined;
  res.json(next ? { total, results, paging: { next: { after: next } } } : { total, results });
}

/** Sequences v4: list and read sequences, enroll a contact, read a contact's enrollment. */
export function sequenceRoutes(ctx: PortalContext): SandboxRoute[] {
  return [
    {
      method: 'get',
      path: BASE,
      scopes: [READ],
      handle: (req, res) => listSequences(ctx, req, res),
    },
    {
      method: 'post',
      path: `${BASE}/enrollments`,
      scopes: [READ, 'automation.sequences.enrollments.write'],
      handle: enrollContact(ctx),
    },
    {
      method: 'get',
      path: `${BASE}/enrollments/contact/:contactId`,
      scopes: [READ],
      handle: (req, res) => {
        const contactId = String(req.params.contactId);
        const enrollment = cachedStatement(ctx.db, ENROLLMENT).get(contactId);
        if (!enrollment) return answerNoEnrollment(res, ctx.sequenceErrors.noEnrollment, contactId);
        res.json(enrollment);
      },
    },
    {
      method: 'get',
      path: `${BASE}/:sequenceId`,
      scopes: [READ],
      handle: (req, res) => {
        sequenceUser(ctx, req);
        const sequence = cachedStatement(ctx.db, `${SEQUENCE} WHERE id = ?`).get(
          req.params.sequenceId,
        );
        if (!sequence) throw notFoundError(`Sequence ${req.params.sequenceId} does not exist.`);
        res.json(sequence);
      },
    },
  ];
}
