import pg from 'pg';

export interface PoolLogger {
  warn(obj: object, msg: string): void;
}

/**
 * One pool per process. An idle connection that PostgreSQL closes (a restart, a failover) emits an
 * error on the pool: logged, not thrown (unhandled, it would kill the process), and the pool makes a
 * new connection for the next query.
 */
export function createPool(url: string, logger: PoolLogger, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    application_name: 'dalil',
  });
  pool.on('error', (err) => logger.warn({ err: err.message }, 'an idle database connection failed'));
  return pool;
}

/** Runs `work` in one transaction on one connection; rolls back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    // a connection whose rollback failed is not handed out again
    client.release(broken);
  }
}
