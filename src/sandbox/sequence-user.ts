import type { Request } from 'express';
import { cachedStatement } from './cached-statement.ts';
import type { PortalContext } from './portal-context.ts';
import { stringParam } from './query-params.ts';
import { validationError } from './sandbox-http-error.ts';

export interface SequenceUser {
  userId: number;
  email: string;
}

/** The `userId` every sequences call must carry: a HubSpot user of this portal. */
export function sequenceUser(ctx: PortalContext, req: Request): SequenceUser {
  const userId = stringParam(req.query.userId);
  if (userId === undefined || !/^\d{1,12}$/.test(userId)) {
    throw validationError('userId is required: the id of the HubSpot user the call acts for.', {
      errors: [{ message: 'is required', in: 'userId' }],
    });
  }
  const user = cachedStatement(
    ctx.db,
    'SELECT user_id AS userId, email FROM owners WHERE user_id = ?',
  ).get(Number(userId)) as SequenceUser | undefined;
  if (!user) throw validationError(`userId ${userId} is not a user of this portal.`);
  return user;
}
