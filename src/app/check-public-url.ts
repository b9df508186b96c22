import { WEBHOOK_PATH } from './project-files.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const EXAMPLE = 'https://vitals.acme.com';

export type PublicUrlCheck =
  { ok: true; url: string; local: boolean } | { ok: false; problem: string };

/**
 * The service's public origin as HubSpot will call it: https (http only for localhost), no
 * path, query or credentials. The same rules as VITALS_PUBLIC_URL (src/config/read-server-env.ts).
 */
export function checkPublicUrl(value: string): PublicUrlCheck {
  const given = value.trim();
  const problem = (why: string) => ({
    ok: false as const,
    problem: `--public-url "${given}" ${why}`,
  });
  const url = URL.parse(given);
  if (!url || !/^https?:$/.test(url.protocol))
    return problem(`is not a web address: give the service's public origin, like ${EXAMPLE}.`);
  if (url.username || url.password)
    return problem(
      `holds a user name or password: give the bare origin, like ${url.protocol}//${url.host}.`,
    );
  if (url.pathname !== '/' || url.search || url.hash)
    return problem(
      `has a path, query or fragment: give the origin only, like ${url.protocol}//${url.host} (Vitals adds ${WEBHOOK_PATH} and the card paths itself).`,
    );
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !local)
    return problem(
      `uses http: HubSpot only calls https URLs, so give https://${url.host} (http is allowed only for localhost, in development).`,
    );
  return { ok: true, url: url.origin, local };
}
