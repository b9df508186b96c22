import type { IssueReport } from '../validation/describe-issues.ts';
import { envIssue } from './env-issue.ts';
import { LOCAL_HOSTS } from './read-server-env.ts';

export const DEFAULT_HUBSPOT_BASE_URL = 'https://api.hubapi.com';

/**
 * HUBSPOT_BASE_URL: where HubSpot's API is, for a forwarding proxy (or a stand-in portal in
 * tests). The token goes with every call, so plain http is only for this machine.
 */
export function hubspotBaseUrlOf(raw: string | undefined, issues: IssueReport[]): string {
  const value = raw?.trim();
  if (!value) return DEFAULT_HUBSPOT_BASE_URL;
  const problem = (text: string) => {
    issues.push(envIssue('HUBSPOT_BASE_URL', value, text));
    return DEFAULT_HUBSPOT_BASE_URL;
  };
  const url = URL.parse(value);
  const fix = `set it to HubSpot's API root, ${DEFAULT_HUBSPOT_BASE_URL}, or to a proxy that forwards to it; or unset it.`;
  if (!url || !/^https?:$/.test(url.protocol)) return problem(`which is not a web address: ${fix}`);
  if (url.username || url.password || url.search || url.hash)
    return problem(`which holds a user name, password, query or fragment: ${fix}`);
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname))
    return problem(
      `which uses http: the access token goes with every call, so use https (http only for localhost).`,
    );
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
