import { join } from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import type { DocStore } from '@dalil/server/storage/docStore.ts';
import { FileDocStore } from '@dalil/server/storage/fileDocStore.ts';
import { PgDocStore } from '@dalil/server/storage/postgres/pgDocStore.ts';
import { databaseOfDataDir } from './postgres/testDatabase.ts';

/**
 * The document store a server on `dataDir` writes to, opened on the side (the data dir's files, or
 * in a PostgreSQL run that server's database), for reading what is stored without a server.
 */
async function withStore<T>(dataDir: string, use: (store: DocStore) => Promise<T>, warn: (msg: string) => void = () => {}): Promise<T> {
  const url = await databaseOfDataDir(dataDir);
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      return await use(new PgDocStore(pool));
    } finally {
      await pool.end();
    }
  }
  const store = new FileDocStore(join(dataDir, 'docs'), { warn: (_o, msg) => warn(msg) });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Loads a document as stored for a data dir, the way a restarted server would, without starting one. */
export async function docOnDisk(dataDir: string, docName: string): Promise<{ doc: Y.Doc; warnings: string[] }> {
  const warnings: string[] = [];
  const loaded = await withStore(dataDir, (store) => store.load(docName), (msg) => warnings.push(msg));
  const doc = new Y.Doc();
  for (const update of loaded.updates) Y.applyUpdate(doc, update);
  return { doc, warnings };
}

/** Names of the documents stored for a data dir. */
export function storedDocNames(dataDir: string): Promise<string[]> {
  return withStore(dataDir, (store) => store.list());
}
