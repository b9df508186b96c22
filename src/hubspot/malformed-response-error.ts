import { HubSpotError } from './hubspot-error.ts';

/** HubSpot (or whatever basePath points at) answered with a shape the gateway cannot use. */
export class MalformedResponseError extends HubSpotError {
  /** What was wrong, one line each (e.g. "results.0.id: expected string"). */
  readonly issues: readonly string[];

  constructor(endpoint: string, issues: readonly string[], status = 200) {
    super(
      `The answer to ${endpoint} is not the shape HubSpot documents: ${issues.join('; ')}. ` +
        'If basePath points at a proxy or a sandbox, check that it serves HubSpot’s API.',
      { endpoint, status, category: 'MALFORMED_RESPONSE' },
    );
    this.name = 'MalformedResponseError';
    this.issues = issues;
  }
}
