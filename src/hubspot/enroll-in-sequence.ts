import { z } from 'zod';
import type { GatewayContext } from './gateway-context.ts';
import { parseResponse } from './parse-response.ts';

export interface EnrollmentRequest {
  contactId: string;
  sequenceId: string;
  /** A connected inbox of the user: https://developers.hubspot.com/docs/api/automation/sequences */
  senderEmail: string;
  /** The HubSpot user (not owner) id enrolling the contact. */
  userId: string;
}

const enrollmentSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  toEmail: z.string().optional(),
  enrolledAt: z.string(),
});

export type Enrollment = z.infer<typeof enrollmentSchema>;

const ENDPOINT = 'sequences.enroll';

/** Enrolls a contact in a sequence; never resent after a 5xx, as it may have gone through. */
export async function enrollInSequence(
  ctx: GatewayContext,
  request: EnrollmentRequest,
): Promise<Enrollment> {
  const { userId, ...body } = request;
  return ctx.call(
    ENDPOINT,
    async () =>
      parseResponse(
        enrollmentSchema,
        await ctx.request({
          method: 'POST',
          path: '/automation/v4/sequences/enrollments',
          qs: { userId },
          body,
        }),
        ENDPOINT,
      ),
    { idempotent: false },
  );
}
