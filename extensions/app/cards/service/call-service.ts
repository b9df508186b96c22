import { hubspot } from '@hubspot/ui-extensions';
import { SERVICE_URL } from './service-url.ts';

/** What the service said, or that it could not be reached at all. */
export type ServiceAnswer = { reached: false } | { reached: true; status: number; body: unknown };

// HubSpot's default for hubspot.fetch; whether it allows longer is not verified.
const TIMEOUT_MS = 15_000;

/** Calls the service through `hubspot.fetch`; never throws. */
export async function callService(
  path: string,
  method: 'GET' | 'POST' = 'GET',
  body?: Record<string, unknown>,
): Promise<ServiceAnswer> {
  let response: Response;
  try {
    response = await hubspot.fetch(`${SERVICE_URL}${path}`, {
      method,
      timeout: TIMEOUT_MS,
      ...(body && { body }),
    });
  } catch {
    return { reached: false };
  }
  return { reached: true, status: response.status, body: await jsonOf(response) };
}

async function jsonOf(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}
