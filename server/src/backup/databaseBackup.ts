import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import * as Y from 'yjs';
import { DOCS_DIR, IMAGE_INDEX_DIR, IMAGE_INDEX_EXT, IMAGES_DIR, SECRET_FILE, SNAPSHOTS_DIR, VERSION_FILE_EXT, VERSION_MANIFESTS, VERSIONS_DIR } from '../storage/dataDirLayout.ts';
import { writeFileDurably } from '../storage/durableFile.ts';
import { FileDocStore } from '../storage/fileDocStore.ts';
import { FileMetadataBackend } from '../storage/fileMetadataBackend.ts';
import type { MetadataRecord, RecordKind } from '../storage/metadataBackend.ts';
import { decodeRecords } from '../storage/recordCodec.ts';
import { settleImportsOffline } from '../import/settleImportsOffline.ts';
import { migrateToPostgres, type MigrationSummary } from '../admin/migrateToPostgres.ts';
import { createBackup, type BackupSummary } from './createBackup.ts';
import { inTransaction } from '../storage/postgres/pgPool.ts';
import { restoreBackup, RestoreRefusedError, type RestoreSummary } from './restoreBackup.ts';

/** What FILES_DIR holds in production mode; the database holds the rest. */
const FILE_DIRS = [IMAGES_DIR, VERSIONS_DIR, SNAPSHOTS_DIR] as const;

const silent = { warn: () => {} };

/**
 * Backup of a PostgreSQL deployment, in the archive format of a data dir's backup (so an archive
 * restores in either mode): the database is read in one snapshot (REPEATABLE READ) into a
 * temporary data dir (metadata files, one compacted state per document), the images, versions and
 * approved snapshots of FILES_DIR are copied beside, and that directory is archived and checked
 * like any backup. Safe while nodes run: what they had stored when the snapshot was taken.
 */
export async function createDatabaseBackup(pool: pg.Pool, filesDir: string, file: string): Promise<BackupSummary> {
  const staging = await mkdtemp(join(tmpdir(), 'dalil-backup-'));
  try {
    const { records, docs, secret, manifests, images } = await inTransaction(
      pool,
      async (client) => ({
        records: (await client.query<{ kind: RecordKind; id: string; data: unknown }>('SELECT kind, id, data FROM metadata_records')).rows,
        docs: (await client.query<{ doc: string; data: Buffer }>('SELECT doc, data FROM doc_snapshots UNION ALL (SELECT doc, data FROM doc_updates ORDER BY seq)')).rows,
        manifests: (await client.query<{ id: string; manifest: unknown }>('SELECT id, manifest FROM version_manifests')).rows,
        images: (await client.query<{ guide_id: string; record: unknown }>('SELECT guide_id, record FROM guide_images ORDER BY added')).rows,
        secret: (await client.query<{ value: string }>(`SELECT value FROM server_settings WHERE key = 'session-secret'`)).rows[0]?.value ?? null,
      }),
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
    const metadata = new FileMetadataBackend(staging);
    await metadata.load();
    await metadata.persist(records.map((r) => ({ kind: r.kind, id: r.id, data: r.data }) as MetadataRecord));
    const updatesOf = new Map<string, Uint8Array[]>();
    for (const { doc, data } of docs) {
      const decoded = decodeRecords(data);
      if (decoded.problem !== null) throw new Error(`stored document ${doc} is corrupt: ${decoded.problem}`);
      updatesOf.set(doc, [...(updatesOf.get(doc) ?? []), ...decoded.records]);
    }
    const store = new FileDocStore(join(staging, DOCS_DIR), silent);
    for (const [doc, updates] of updatesOf) await store.compact(doc, Y.mergeUpdates(updates));
    await store.close();
    if (secret) await writeFileDurably(join(staging, SECRET_FILE), secret);
    if (manifests.length > 0) await mkdir(join(staging, VERSIONS_DIR, VERSION_MANIFESTS), { recursive: true });
    for (const { id, manifest } of manifests) await writeFileDurably(join(staging, VERSIONS_DIR, VERSION_MANIFESTS, id + VERSION_FILE_EXT), JSON.stringify(manifest));
    const lists = new Map<string, unknown[]>();
    for (const { guide_id, record } of images) lists.set(guide_id, [...(lists.get(guide_id) ?? []), record]);
    if (lists.size > 0) await mkdir(join(staging, IMAGES_DIR, IMAGE_INDEX_DIR), { recursive: true });
    for (const [guideId, list] of lists) await writeFileDurably(join(staging, IMAGES_DIR, IMAGE_INDEX_DIR, guideId + IMAGE_INDEX_EXT), JSON.stringify({ images: list }, null, 1));
    for (const dir of FILE_DIRS) {
      // FILES_DIR's versions/ and images/ hold the files; the manifests and image lists came from the database
      if (existsSync(join(filesDir, dir))) await cp(join(filesDir, dir), join(staging, dir), { recursive: true, force: false });
    }
    return await createBackup(staging, file);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Restores an archive (of either mode) into an empty database and FILES_DIR: the archive is
 * checked and unpacked into a temporary data dir, copied into the database with the migration's
 * read-back check, and its images, versions and approved snapshots are copied into FILES_DIR.
 */
export async function restoreDatabaseBackup(archive: string, pool: pg.Pool, filesDir: string): Promise<RestoreSummary & MigrationSummary> {
  for (const dir of FILE_DIRS) {
    if (existsSync(join(filesDir, dir)) && (await readdir(join(filesDir, dir))).length > 0) {
      throw new RestoreRefusedError(`${join(filesDir, dir)} is not empty: restore into an empty FILES_DIR`);
    }
  }
  const staging = await mkdtemp(join(tmpdir(), 'dalil-restore-'));
  try {
    const restored = await restoreBackup(archive, staging);
    // An archive taken while an import wrote its documents holds its journal: settled here, in
    // the staging copy this restore owns, as the server would at start.
    await settleImportsOffline(staging);
    const migrated = await migrateToPostgres(staging, pool);
    for (const dir of FILE_DIRS) {
      if (existsSync(join(staging, dir))) await cp(join(staging, dir), join(filesDir, dir), { recursive: true, errorOnExist: true, force: false });
    }
    return { ...restored, ...migrated };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
