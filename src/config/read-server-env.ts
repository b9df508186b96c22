import type { IssueReport } from '../validation/describe-issues.ts';
import type { Config } from './config.ts';
import { envIssue } from './env-issue.ts';

export const DEFAULT_PORT = 3000;

/** The hosts plain http is allowed for: this machine, in development. */
export const LOCAL_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);
const EXAMPLE = 'https://vitals.example.com';

/** The card API's settings: VITALS_PUBLIC_URL (the origin HubSpot calls) and PORT. */
export function readServerEnv(
  env: Readonly<Record<string, string | undefined>>,
  issues: IssueReport[],
): Config['server'] {
  return { publicUrl: publicUrlOf(env.VITALS_PUBLIC_URL, issues), port: portOf(env.PORT, issues) };
}

function publicUrlOf(raw: string | undefined, issues: IssueReport[]): string | null {
  const value = raw?.trim();
  if (!value) return null;
  const problem = (message: string) => {
    issues.push(envIssue('VITALS_PUBLIC_URL', value, message));
    return null;
  };
  const url = URL.parse(value);
  if (!url || !/^https?:$/.test(url.protocol))
    return problem(
      `which is not a web address: set it to the service's public origin, like ${EXAMPLE}.`,
    );
  if (url.username || url.password)
    return problem(
      `which holds a user name or password: set it to the bare origin, like ${EXAMPLE}.`,
    );
  if (url.pathname !== '/' || url.search || url.hash)
    return problem(
      `which has a path, query or fragment: set it to the origin only, like ${url.protocol}//${url.host} (HubSpot signs origin + path, and the path comes from each request).`,
    );
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname))
    return problem(
      `which uses http: HubSpot only calls https URLs, so set it to https://${url.host} (http is allowed only for localhost, in development).`,
    );
  return url.origin;
}

function portOf(raw: string | undefined, issues: IssueReport[]): number {
  const value = raw?.trim();
  if (!value) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (port >= 0 && port <= 65_535) return port;
  issues.push(
    envIssue(
      'PORT',
      value,
      `which is not a port: set PORT to a whole number from 1 to 65535 (0 picks a free one), or unset it to listen on ${DEFAULT_PORT}.`,
    ),
  );
  return DEFAULT_PORT;
}
