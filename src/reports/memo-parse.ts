/**
 * Date.parse, remembering its answers (up to 10,000): a book's readings share their instants
 * (week ends, the time of a run), so 100,000 accounts parse a handful of times, not each reading.
 */
export function memoParse(): (iso: string) => number {
  const known = new Map<string, number>();
  return (iso) => {
    let at = known.get(iso);
    if (at === undefined) {
      at = Date.parse(iso);
      if (known.size < 10_000) known.set(iso, at);
    }
    return at;
  };
}
