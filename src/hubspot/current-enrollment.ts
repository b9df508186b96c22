import { z } from 'zod';
import type { GatewayContext } from './gateway-context.ts';
import { HubSpotError } from './hubspot-error.ts';
import { parseResponse } from './parse-response.ts';

const id = z.union([z.string(), z.number()]).transform(String);
const currentSchema = z.object({
  id,
  sequenceId: id,
  sequenceName: z.string().optional(),
  enrolledAt: z.string(),
});

export type CurrentEnrollment = z.infer<typeof currentSchema>;

const ENDPOINT = 'sequences.enrollment';

/** The sequence a contact is enrolled in now, or null (HubSpot answers 404 when none). */
export async function currentEnrollment(
  ctx: GatewayContext,
  contactId: string,
): Promise<CurrentEnrollment | null> {
  try {
    return await ctx.call(ENDPOINT, async () =>
      parseResponse(
        currentSchema,
        await ctx.request({
          method: 'GET',
          path: `/automation/v4/sequences/enrollments/contact/${encodeURIComponent(contactId)}`,
        }),
        ENDPOINT,
      ),
    );
  } catch (error) {
    if (error instanceof HubSpotError && error.status === 404) return null;
    throw error;
  }
}
