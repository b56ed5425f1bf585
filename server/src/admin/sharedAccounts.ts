import { AccountRepository } from '../storage/accountRepository.ts';
import { MetadataStore } from '../storage/metadataStore.ts';
import { createPool } from '../storage/postgres/pgPool.ts';
import { PgMetadataBackend } from '../storage/postgres/pgMetadataBackend.ts';
import { migrate } from '../storage/postgres/pgSchema.ts';
import { RedisCluster } from '../cluster/redisCluster.ts';

const quietLog = {
  info: () => {},
  warn: (obj: object, msg: string) => console.error(`dalil admin: ${msg} ${JSON.stringify(obj)}`),
};

/**
 * The accounts of a PostgreSQL deployment, for the admin CLI when no local server takes the command
 * (see adminCli.ts). With REDIS_URL, what it commits and the sessions it ends are published like a
 * node's, so running nodes apply them at once (a password reset closes the user's sockets).
 */
export async function withSharedAccounts<T>(databaseUrl: string, redisUrl: string | null, use: (accounts: AccountRepository) => Promise<T>): Promise<T> {
  const pool = createPool(databaseUrl, quietLog, 2);
  let cluster: RedisCluster | null = null;
  try {
    await migrate(pool);
    const backend = new PgMetadataBackend(pool, quietLog);
    const store = await MetadataStore.openOn(backend);
    if (redisUrl) {
      const joined = new RedisCluster(redisUrl, { onEvent: () => {}, onLinkUp: async () => {} }, quietLog);
      cluster = joined;
      await joined.start();
      backend.committed = (records) => joined.publishEvent({ type: 'records', records });
    }
    const accounts = new AccountRepository(store);
    accounts.onSessionsEnded((tokenHashes) => cluster?.publishEvent({ type: 'access', change: { kind: 'sessionsEnded', tokenHashes: [...tokenHashes] } }));
    try {
      return await use(accounts);
    } finally {
      await store.close();
      if (cluster && !cluster.isLinkUp()) {
        console.error('dalil admin: Redis could not be reached: running nodes apply this change at their next periodic check (within 30 s)');
      }
    }
  } finally {
    await cluster?.close();
    await pool.end();
  }
}
