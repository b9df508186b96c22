/** The facts of a failed call that its message is built from. */
export interface FailureFacts {
  endpoint: string;
  status: number;
  category: string;
  hubspotMessage: string | undefined;
  details: readonly string[];
  correlationId: string | undefined;
  policyName: string | undefined;
  missingScopes: readonly string[];
}

const PRIVATE_APPS = 'HubSpot → Settings → Integrations → Private apps';

/** A message for a failed HubSpot call that says what to do next. */
export function describeFailure(facts: FailureFacts): string {
  const { endpoint, status, category } = facts;
  const said = [facts.hubspotMessage, ...facts.details].filter(Boolean).join(' ');
  const reference = facts.correlationId ? ` (HubSpot correlation id ${facts.correlationId})` : '';
  if (status === 401) {
    return (
      `HubSpot rejected the access token on ${endpoint} (401 ${category}). Check ` +
      `HUBSPOT_ACCESS_TOKEN: it must be the private app's current token (${PRIVATE_APPS} → ` +
      `your app → Auth); a rotated token stops working.${reference}`
    );
  }
  if (status === 403 && facts.missingScopes.length > 0) {
    return (
      `The private app lacks the scope${facts.missingScopes.length > 1 ? 's' : ''} ` +
      `${facts.missingScopes.join(', ')} needed for ${endpoint}. Add ` +
      `${facts.missingScopes.length > 1 ? 'them' : 'it'} in ${PRIVATE_APPS} → your app → ` +
      `Scopes, commit the change, then run again.${reference}`
    );
  }
  if (status === 403) {
    return (
      `HubSpot refused ${endpoint} (403 ${category}): ${said || 'forbidden'}. Check the ` +
      `private app's scopes in ${PRIVATE_APPS}.${reference}`
    );
  }
  if (status === 429) {
    return (
      `HubSpot kept answering 429 (${facts.policyName ?? 'rate limit'}) to ${endpoint}. Set ` +
      'rateLimit.per10s to the portal’s limit (100 on Free/Starter, 190 on Professional/' +
      'Enterprise, 250 with the API limit increase) and check whether another integration ' +
      `uses the same private app.${reference}`
    );
  }
  if (status >= 500) {
    return (
      `HubSpot answered ${status} to ${endpoint}${said ? `: ${said}` : ''}. The fault is on ` +
      `HubSpot's side: check https://status.hubspot.com and run again.${reference}`
    );
  }
  return `HubSpot rejected ${endpoint} (${status} ${category}): ${said || 'no message'}${reference}`;
}
