import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { loadServerSecret } from '../auth/serverSecret.ts';
import { DOCS_DIR } from './dataDirLayout.ts';
import type { DocStore } from './docStore.ts';
import { FileDocStore } from './fileDocStore.ts';
import { MetadataStore } from './metadataStore.ts';
import { createPool } from './postgres/pgPool.ts';
import { PgDocStore } from './postgres/pgDocStore.ts';
import { PgMetadataBackend } from './postgres/pgMetadataBackend.ts';
import { migrate } from './postgres/pgSchema.ts';
import { isDatabaseUnreachable } from './postgres/pgErrors.ts';
import { loadSharedSecret } from './postgres/sharedSecret.ts';
import { PgVersionManifests } from './postgres/pgVersionManifests.ts';
import type { VersionManifests } from './versionStore.ts';
import type { ImageIndex } from '../images/imageIndex.ts';
import { PgImageIndex } from './postgres/pgImageIndex.ts';

/** The database of DATABASE_URL cannot be used: the server does not start (one line, no stack). */
export class DatabaseStartError extends Error {}

export interface StorageConfig {
  dataDir: string;
  databaseUrl: string | null;
  sessionSecret: string | undefined;
}

/** Where metadata and section documents live, chosen at start; nothing else learns which. */
export interface Storage {
  kind: 'embedded' | 'postgres';
  metadata: MetadataStore;
  docStore: DocStore;
  /** Binds CSRF tokens to sessions; the same on every node. */
  secret: Buffer;
  /** Where version manifests go (production: the database); undefined: files beside the contents. */
  versionManifests: VersionManifests | undefined;
  /** Where guides' image lists go (production: the database); undefined: files beside the images. */
  imageIndex: ImageIndex | undefined;
  /** The metadata's PostgreSQL side, which several nodes keep in step (null when embedded). */
  sharedMetadata: PgMetadataBackend | null;
  /** Releases connections once everything is durable (after the documents were flushed). */
  close(): Promise<void>;
}

export async function openStorage(config: StorageConfig, log: FastifyBaseLogger, docStoreOverride?: (dir: string) => DocStore): Promise<Storage> {
  if (!config.databaseUrl) {
    const metadata = await MetadataStore.open(config.dataDir);
    const docsDir = join(config.dataDir, DOCS_DIR);
    const docStore = docStoreOverride ? docStoreOverride(docsDir) : new FileDocStore(docsDir, log);
    return {
      kind: 'embedded',
      metadata,
      docStore,
      secret: loadServerSecret(config.dataDir, config.sessionSecret),
      versionManifests: undefined,
      imageIndex: undefined,
      sharedMetadata: null,
      close: async () => {
        await metadata.close();
        await docStore.close();
      },
    };
  }
  const pool = createPool(config.databaseUrl, log);
  try {
    const applied = await migrate(pool).catch((err: Error) => {
      const where = new URL(config.databaseUrl!);
      throw new DatabaseStartError(`the database at ${where.host}${where.pathname} ${isDatabaseUnreachable(err) ? 'cannot be reached' : 'refused the schema'}: ${err.message}`);
    });
    if (applied.length > 0) log.info({ versions: applied }, 'database schema migrated');
    const backend = new PgMetadataBackend(pool, log);
    const metadata = await MetadataStore.openOn(backend);
    if (docStoreOverride) throw new Error('a replacement document store works over the embedded one only');
    const docStore = new PgDocStore(pool);
    const secret = config.sessionSecret ? loadServerSecret(config.dataDir, config.sessionSecret) : await loadSharedSecret(pool);
    return {
      kind: 'postgres',
      metadata,
      docStore,
      secret,
      versionManifests: new PgVersionManifests(pool),
      imageIndex: new PgImageIndex(pool),
      sharedMetadata: backend,
      close: async () => {
        await metadata.close();
        await docStore.close();
        await pool.end();
      },
    };
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
}
