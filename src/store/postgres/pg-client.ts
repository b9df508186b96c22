import pg from 'pg';

/** What a store module needs to run SQL: the pool, or one client inside a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

// bigint (int8) columns hold epoch milliseconds and counts, all far below 2^53: read them as
// numbers, not the strings pg gives by default.
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PoolOptions {
  /** Most connections this process opens; each replica has its own pool. */
  max?: number;
}

/** A pool on `url` (postgres://…), reading int8 as numbers. */
export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    // A store that cannot connect says so within seconds instead of hanging a command.
    connectionTimeoutMillis: 10_000,
    application_name: 'vitals',
  });
}

/**
 * Runs `work` in one transaction on one client: committed when it resolves, rolled back when it
 * throws. The client goes back to the pool either way (destroyed when the connection broke).
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (tx: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: unknown) => {
      broken = rollback instanceof Error ? rollback : new Error(String(rollback));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
