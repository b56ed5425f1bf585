import pg from 'pg';
import { isDatabaseUnreachable } from './pgErrors.ts';

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

/**
 * A connection taken from the pool for several statements. While a client is checked out the pool
 * does not listen to it, and a connection that drops (a restart, a failover) emits 'error' on the
 * client: unheard, that would kill the process. The error is noted here (the statement under way
 * rejects on its own) and the connection is not handed out again.
 */
export async function withClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  const onError = () => {
    broken = true;
  };
  client.on('error', onError);
  try {
    return await work(client);
  } catch (err) {
    broken ||= isDatabaseUnreachable(err);
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** Runs `work` in one transaction on one connection; rolls back if it throws. */
export function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  return withClient(pool, async (client) => {
    await client.query(begin);
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      // a failed rollback means a broken connection: withClient drops it
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  });
}
