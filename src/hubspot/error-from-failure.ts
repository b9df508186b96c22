import { z } from 'zod';
import { DailyLimitError } from './daily-limit-error.ts';
import { describeFailure } from './describe-failure.ts';
import type { HttpFailure } from './http-failure.ts';
import { HubSpotError } from './hubspot-error.ts';
import { nextMidnight } from './next-midnight.ts';

// HubSpot's standard error body and its 429 variant:
// https://developers.hubspot.com/docs/api/error-handling
const errorBody = z.object({
  message: z.string().optional().catch(undefined),
  category: z.string().optional().catch(undefined),
  subCategory: z.string().optional().catch(undefined),
  correlationId: z.string().optional().catch(undefined),
  policyName: z.string().optional().catch(undefined),
  context: z.record(z.string(), z.unknown()).optional().catch(undefined),
  errors: z
    .array(
      z.object({
        message: z.string().optional().catch(undefined),
        subCategory: z.string().optional().catch(undefined),
        context: z.record(z.string(), z.unknown()).optional().catch(undefined),
      }),
    )
    .optional()
    .catch(undefined),
});
type ErrorBody = z.infer<typeof errorBody>;

const SCOPE_KEYS = ['requiredGranularScopes', 'requiredScopes', 'missingScopes'];

/** Turns a non-2xx answer into a HubSpotError (or DailyLimitError) that names the fix. */
export function errorFromFailure(
  endpoint: string,
  failure: HttpFailure,
  time: { now: number; timeZone: string },
): HubSpotError {
  const body = parseBody(failure.body);
  const policyName = body.policyName ?? dailyPolicyFromHeaders(failure);
  const details = {
    endpoint,
    status: failure.status,
    correlationId: body.correlationId,
    policyName,
    retryAfterMs: retryAfterMs(failure.headers['retry-after'], time.now),
    missingScopes: missingScopes(body),
  };
  if (failure.status === 429 && policyName === 'DAILY') {
    return new DailyLimitError(details, nextMidnight(time.now, time.timeZone));
  }
  const category = body.category ?? fallbackCategory(failure.status);
  const said = (body.errors ?? []).flatMap((e) => (e.message ? [e.message] : []));
  const message = describeFailure({
    ...details,
    category,
    hubspotMessage: body.message,
    details: said,
  });
  const hubspotMessage = [body.message, ...said].filter(Boolean).join(' ') || undefined;
  const subCategory = body.subCategory ?? body.errors?.find((e) => e.subCategory)?.subCategory;
  return new HubSpotError(message, { ...details, category, hubspotMessage, subCategory });
}

function parseBody(text: string): ErrorBody {
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return { message: text.trim().slice(0, 200) || undefined };
  }
}

function dailyPolicyFromHeaders(failure: HttpFailure): string | undefined {
  return failure.status === 429 && failure.headers['x-hubspot-ratelimit-daily-remaining'] === '0'
    ? 'DAILY'
    : undefined;
}

// Retry-After is seconds or an HTTP date: https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function missingScopes(body: ErrorBody): string[] {
  const contexts = [body.context, ...(body.errors ?? []).map((e) => e.context)];
  const scopes = contexts.flatMap((context) =>
    SCOPE_KEYS.flatMap((key) => {
      const value = context?.[key];
      return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
    }),
  );
  return [...new Set(scopes)];
}

function fallbackCategory(status: number): string {
  if (status === 401) return 'INVALID_AUTHENTICATION';
  if (status === 429) return 'RATE_LIMIT';
  if (status >= 500) return 'SERVER_ERROR';
  return `HTTP_${status}`;
}
