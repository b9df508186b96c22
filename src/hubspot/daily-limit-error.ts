import { HubSpotError, type HubSpotErrorDetails } from './hubspot-error.ts';

/**
 * The portal's daily API allowance is used up. The run must stop and resume at `resumeAt`:
 * HubSpot resets the daily limit at midnight in the portal's time zone
 * (https://developers.hubspot.com/docs/api/usage-details#rate-limits).
 */
export class DailyLimitError extends HubSpotError {
  readonly resumeAt: Date;

  constructor(details: Omit<HubSpotErrorDetails, 'category'>, resumeAt: Date, budget?: number) {
    const what =
      budget === undefined
        ? "HubSpot's daily API limit for this portal is used up"
        : `The daily budget of ${budget} HubSpot calls (dailyLimit) is used up`;
    super(
      `${what} (at ${details.endpoint}). The run stopped cleanly; run it again after ` +
        `${resumeAt.toISOString()}, when the daily count resets.`,
      { ...details, category: 'RATE_LIMIT', policyName: details.policyName ?? 'DAILY' },
    );
    this.name = 'DailyLimitError';
    this.resumeAt = resumeAt;
  }

  /** Never worth resending before `resumeAt`, whatever the status. */
  override get transient(): boolean {
    return false;
  }
}
