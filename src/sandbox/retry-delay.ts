const MINUTE_MS = 60_000;
const CAP_MS = 8 * 60 * MINUTE_MS;

/**
 * Wait before resending a delivery whose attempt `attemptNumber` failed. HubSpot backs off
 * exponentially ("the first retry will happen in 2 minutes, the second in 4 minutes, …") and
 * spreads its retries over about 24 hours: capped at 8 hours, ten retries take ~24.5 h.
 * https://developers.hubspot.com/docs/api/webhooks (Retries)
 */
export function retryDelayMs(attemptNumber: number, scale: number): number {
  return Math.min(2 ** (attemptNumber + 1) * MINUTE_MS, CAP_MS) * scale;
}
