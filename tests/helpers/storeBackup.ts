import { join } from 'node:path';
import pg from 'pg';
import { createBackup } from '@dalil/server/backup/createBackup.ts';
import { restoreBackup } from '@dalil/server/backup/restoreBackup.ts';
import { createDatabaseBackup, restoreDatabaseBackup } from '@dalil/server/backup/databaseBackup.ts';
import { startServer, type TestServer } from './inProcessServer.ts';
import { createTestDatabase, storeUnderTest } from './postgres/testDatabase.ts';

async function withPool<T>(url: string, use: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    return await use(pool);
  } finally {
    await pool.end();
  }
}

/** Backs up what `server` stores, with the backup of its mode (data dir, or database + FILES_DIR). */
export function backupOf(server: TestServer, archive: string): Promise<unknown> {
  const url = server.config.databaseUrl;
  return url ? withPool(url, (pool) => createDatabaseBackup(pool, server.config.filesDir, archive)) : createBackup(server.dataDir, archive);
}

/** Restores an archive into an empty store of the run's mode under `dir` and starts a server on it. */
export async function serverFromBackup(archive: string, dir: string): Promise<TestServer> {
  const dataDir = join(dir, 'data');
  if (storeUnderTest() === 'embedded') {
    await restoreBackup(archive, dataDir);
    return startServer({}, { dataDir });
  }
  const { url } = await createTestDatabase();
  const filesDir = join(dir, 'files');
  await withPool(url, (pool) => restoreDatabaseBackup(archive, pool, filesDir));
  return startServer({ DATABASE_URL: url, FILES_DIR: filesDir }, { dataDir });
}
