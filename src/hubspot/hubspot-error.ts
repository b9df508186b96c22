/** What is known about a failed HubSpot call, besides the message. */
export interface HubSpotErrorDetails {
  /** The gateway's endpoint name, e.g. "companies.batchUpdate". */
  endpoint: string;
  /** The HTTP status; 0 when no HTTP answer arrived (network error). */
  status: number;
  /** HubSpot's error category (VALIDATION_ERROR, MISSING_SCOPES, …) or one of ours. */
  category: string;
  correlationId?: string | undefined;
  policyName?: string | undefined;
  retryAfterMs?: number | undefined;
  missingScopes?: readonly string[] | undefined;
  /** HubSpot's own words: the error body's message and its `errors[].message` details. */
  hubspotMessage?: string | undefined;
  /** HubSpot's finer-grained reason, when the body has one (e.g. "crm.associations.…"). */
  subCategory?: string | undefined;
}

/** A failed HubSpot call; the message says what went wrong and how to fix it. */
export class HubSpotError extends Error {
  readonly endpoint: string;
  readonly status: number;
  readonly category: string;
  readonly correlationId: string | undefined;
  readonly policyName: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly missingScopes: readonly string[];
  /** Redacted like the message (classifyError), so not readonly. */
  hubspotMessage: string | undefined;
  readonly subCategory: string | undefined;
  /** How many times the call was sent before the gateway gave up. */
  attempts = 1;

  constructor(message: string, details: HubSpotErrorDetails) {
    super(message);
    this.name = 'HubSpotError';
    this.endpoint = details.endpoint;
    this.status = details.status;
    this.category = details.category;
    this.correlationId = details.correlationId;
    this.policyName = details.policyName;
    this.retryAfterMs = details.retryAfterMs;
    this.missingScopes = details.missingScopes ?? [];
    this.hubspotMessage = details.hubspotMessage;
    this.subCategory = details.subCategory;
  }

  /** True for failures worth sending again: HubSpot's 5xx and network errors. */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}
