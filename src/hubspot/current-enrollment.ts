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

// HubSpot documents only the answer for an enrolled contact
// (https://developers.hubspot.com/docs/api-reference/latest/automation/sequences/guide). For a
// contact in no sequence each plausible answer means "none": a 404, an empty body (204), or an
// object without an enrollment id ({} or id: null). Anything else must still be a full one.
function saysNoEnrollment(body: unknown): boolean {
  if (body === undefined || body === null) return true;
  if (typeof body !== 'object' || Array.isArray(body)) return false;
  const { id: given } = body as { id?: unknown };
  return given === undefined || given === null;
}

/** The sequence a contact is enrolled in now, or null when it is in none. */
export async function currentEnrollment(
  ctx: GatewayContext,
  contactId: string,
): Promise<CurrentEnrollment | null> {
  try {
    return await ctx.call(ENDPOINT, async () => {
      const body = await ctx.request({
        method: 'GET',
        path: `/automation/v4/sequences/enrollments/contact/${encodeURIComponent(contactId)}`,
      });
      return saysNoEnrollment(body) ? null : parseResponse(currentSchema, body, ENDPOINT);
    });
  } catch (error) {
    if (error instanceof HubSpotError && error.status === 404) return null;
    throw error;
  }
}
