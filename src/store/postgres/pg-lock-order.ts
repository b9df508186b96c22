/**
 * Sorts rows about to be upserted by their key. PostgreSQL locks the rows of one INSERT … ON
 * CONFLICT one after another, in the order they come: two processes that write overlapping keys
 * in one order wait for each other, where in different orders they could deadlock.
 */
export function inLockOrder<T>(rows: T[], keyOf: (row: T) => readonly string[]): T[] {
  const keyed = rows.map((row) => ({ row, key: keyOf(row) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  return keyed.map(({ row }) => row);
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
