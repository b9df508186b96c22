import { hubspot } from '@hubspot/ui-extensions';
import { SERVICE_URL } from './service-url.ts';

/** What the service said, or that it could not be reached at all. */
export type ServiceAnswer = { reached: false } | { reached: true; status: number; body: unknown };

// HubSpot's default for hubspot.fetch; whether it allows longer is not verified.
const TIMEOUT_MS = 15_000;

/** GETs a path of the service through `hubspot.fetch`; never throws. */
export async function getFromService(path: string): Promise<ServiceAnswer> {
  let response: Response;
  try {
    response = await hubspot.fetch(`${SERVICE_URL}${path}`, { method: 'GET', timeout: TIMEOUT_MS });
  } catch {
    return { reached: false };
  }
  let body: unknown = null;
  try {
    body = (await response.json()) as unknown;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return { reached: true, status: response.status, body };
}
