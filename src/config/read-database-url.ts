import { redactedUrl } from '../store/postgres/redacted-url.ts';
import type { IssueReport } from '../validation/describe-issues.ts';
import { envIssue } from './env-issue.ts';
import { Secret } from './secret.ts';

const EXAMPLE = 'postgres://vitals:PASSWORD@db.internal:5432/vitals';

/**
 * DATABASE_URL: the PostgreSQL database the store lives in, when set; unset, the embedded SQLite
 * file in VITALS_DATA_DIR. It usually holds a password, so it is kept as a Secret and shown only
 * with the password replaced.
 */
export function readDatabaseUrl(raw: string | undefined, issues: IssueReport[]): Secret | null {
  const value = raw?.trim();
  if (!value) return null;
  const url = URL.parse(value);
  if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
    // Not a URL we understand, so we cannot tell where a password would be: show none of it.
    const start = url ? `it starts with "${url.protocol}"` : 'it is not a URL';
    issues.push({
      path: 'DATABASE_URL',
      message: `DATABASE_URL is not a PostgreSQL address (${start}; the value is not shown, as it may hold a password): set it like ${EXAMPLE}, or unset it to keep the store in the embedded SQLite file.`,
    });
    return null;
  }
  const problem = (message: string) => {
    issues.push(envIssue('DATABASE_URL', redactedUrl(value), message));
    return null;
  };
  if (!url.hostname && !url.searchParams.get('host'))
    return problem(`which names no server: give the host, like ${EXAMPLE}.`);
  if (url.pathname.length <= 1)
    return problem(`which names no database: end it with /DATABASE_NAME, like ${EXAMPLE}.`);
  return new Secret(value);
}
