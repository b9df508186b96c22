import { createHash } from 'node:crypto';

/**
 * The token the shell writes into a task so it can find the task in HubSpot after a crash:
 * "vt" and 16 hex digits. Made from the portal and key, so the same action always gets the same
 * one, and letters and digits only, so HubSpot's search matches it as one word.
 */
export function actionMarker(portal: string, key: string): string {
  const digest = createHash('sha256').update(`${portal}\n${key}`).digest('hex');
  return `vt${digest.slice(0, 16)}`;
}
