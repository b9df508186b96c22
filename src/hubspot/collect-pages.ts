import { MalformedResponseError } from './malformed-response-error.ts';

export interface Page<T> {
  results: T[];
  /** The cursor of the next page; undefined on the last one. */
  after: string | undefined;
}

/** Reads a cursor-paged list to the end, bounded, failing if the server repeats a cursor. */
export async function collectPages<T>(
  endpoint: string,
  maxPages: number,
  fetchPage: (after: string | undefined) => Promise<Page<T>>,
): Promise<T[]> {
  const all: T[] = [];
  let after: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const current = await fetchPage(after);
    all.push(...current.results);
    if (current.after === undefined) return all;
    if (current.after === after) {
      throw new MalformedResponseError(endpoint, [`paging.next.after repeats ${after}`]);
    }
    after = current.after;
  }
  throw new MalformedResponseError(endpoint, [`still paging after ${maxPages} pages`]);
}
