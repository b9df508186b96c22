/** A database URL fit to print: the password replaced, everything else as given. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the DATABASE_URL given (not a valid URL)';
  }
}
