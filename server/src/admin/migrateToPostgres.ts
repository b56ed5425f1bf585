import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type pg from 'pg';
import * as Y from 'yjs';
import { DOCS_DIR, IMAGE_INDEX_DIR, IMAGE_INDEX_EXT, IMAGES_DIR, SECRET_FILE, VERSION_MANIFESTS, VERSIONS_DIR } from '../storage/dataDirLayout.ts';
import type { GuideImageIndex, ImageRecord } from '../images/imageStore.ts';
import { PgImageIndex } from '../storage/postgres/pgImageIndex.ts';
import { readdir, readFile } from 'node:fs/promises';
import { FileVersionManifests, type VersionManifest } from '../storage/versionStore.ts';
import { PgVersionManifests } from '../storage/postgres/pgVersionManifests.ts';
import { FileDocStore } from '../storage/fileDocStore.ts';
import { hasImportJournals } from '../import/settleImportsOffline.ts';
import { FileMetadataBackend } from '../storage/fileMetadataBackend.ts';
import { encodeRecords } from '../storage/recordCodec.ts';
import { inTransaction } from '../storage/postgres/pgPool.ts';
import { PgDocStore } from '../storage/postgres/pgDocStore.ts';
import { migrate } from '../storage/postgres/pgSchema.ts';

/** The target database is not empty, or what was copied does not read back equal: nothing is kept. */
export class MigrationRefusedError extends Error {}

export interface MigrationSummary {
  records: number;
  versions: number;
  documents: number;
  guides: number;
}

const silent = { warn: () => {} };

/**
 * Copies an embedded data dir's metadata and section documents into an empty PostgreSQL database,
 * in one transaction, then reads everything back through the production stores and compares it
 * with the source: every record equal, every document's state equal. Images, versions and approved
 * snapshots stay files: the nodes read them from FILES_DIR (the old data dir, or a copy of those
 * three directories). The server must be stopped (the caller holds the data dir's lock).
 */
export async function migrateToPostgres(dataDir: string, pool: pg.Pool): Promise<MigrationSummary> {
  await migrate(pool);
  const { rows } = await pool.query<{ n: string }>(
    'SELECT (SELECT count(*) FROM metadata_records) + (SELECT count(*) FROM doc_snapshots) + (SELECT count(*) FROM doc_updates) + (SELECT count(*) FROM version_manifests) + (SELECT count(*) FROM guide_images) AS n',
  );
  if (Number(rows[0]!.n) > 0) throw new MigrationRefusedError('the target database already holds Dalil data: migrate into an empty database');

  // An import the server did not get to settle: its sections' documents may exist only in its
  // journal. The data dir is not changed here (it may belong to a server); a start settles it.
  if (hasImportJournals(dataDir)) {
    throw new MigrationRefusedError('an import was under way when the server stopped: start the server once on this data dir (it finishes or undoes the import), stop it, then migrate');
  }
  const records = await new FileMetadataBackend(dataDir).load();
  const files = new FileDocStore(join(dataDir, DOCS_DIR), silent);
  const docNames = await files.list();
  const states = new Map<string, Uint8Array>();
  for (const name of docNames) states.set(name, Y.mergeUpdates((await files.load(name)).updates));
  await files.close();
  const manifests = await new FileVersionManifests(join(dataDir, VERSIONS_DIR, VERSION_MANIFESTS)).all().catch(() => new Map<string, VersionManifest>());
  const imageLists = await readImageLists(join(dataDir, IMAGES_DIR, IMAGE_INDEX_DIR));
  const secretPath = join(dataDir, SECRET_FILE);
  const secret = existsSync(secretPath) ? readFileSync(secretPath, 'utf8').trim() : null;

  await inTransaction(pool, async (client) => {
    for (const record of records) {
      await client.query('INSERT INTO metadata_records (kind, id, data, version) VALUES ($1, $2, $3::json, 1)', [record.kind, record.id, JSON.stringify(record.data)]);
    }
    for (const [name, state] of states) await client.query('INSERT INTO doc_snapshots (doc, data) VALUES ($1, $2)', [name, encodeRecords([state])]);
    for (const [guideId, images] of imageLists) {
      for (const image of images) await client.query('INSERT INTO guide_images (guide_id, image_id, record) VALUES ($1, $2, $3::json)', [guideId, image.id, JSON.stringify(image)]);
    }
    for (const manifest of manifests.values()) {
      await client.query('INSERT INTO version_manifests (id, guide_id, created_at, manifest) VALUES ($1, $2, $3, $4::json)', [manifest.id, manifest.guideId, manifest.createdAt, JSON.stringify(manifest)]);
    }
    // CSRF tokens issued before the move stay valid
    if (secret) await client.query('INSERT INTO server_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', ['session-secret', secret]);
  });

  try {
    await verifyCopy(pool, records, states, manifests, imageLists);
  } catch (err) {
    await inTransaction(pool, async (client) => {
      for (const table of ['metadata_records', 'doc_snapshots', 'doc_updates', 'version_manifests', 'guide_images', 'server_settings']) await client.query(`DELETE FROM ${table}`);
    });
    throw err;
  }
  return { records: records.length, versions: manifests.size, documents: states.size, guides: records.filter((r) => r.kind === 'guide').length };
}

async function verifyCopy(
  pool: pg.Pool,
  records: Array<{ kind: string; id: string; data: unknown }>,
  states: Map<string, Uint8Array>,
  manifests: Map<string, VersionManifest>,
  imageLists: Map<string, ImageRecord[]>,
): Promise<void> {
  const images = new PgImageIndex(pool);
  for (const [guideId, listed] of imageLists) {
    if (!isDeepStrictEqual(await images.list(guideId), JSON.parse(JSON.stringify(listed)))) throw new MigrationRefusedError(`the images of guide ${guideId} do not read back equal`);
  }
  const copied = new PgVersionManifests(pool);
  for (const manifest of manifests.values()) {
    if (!isDeepStrictEqual(await copied.find(manifest.id), JSON.parse(JSON.stringify(manifest)))) throw new MigrationRefusedError(`version ${manifest.id} does not read back equal`);
  }
  const { rows } = await pool.query<{ kind: string; id: string; data: unknown }>('SELECT kind, id, data FROM metadata_records');
  if (rows.length !== records.length) throw new MigrationRefusedError(`${records.length} records copied, ${rows.length} read back`);
  const stored = new Map(rows.map((r) => [`${r.kind}/${r.id}`, r.data]));
  for (const record of records) {
    // through JSON both ways: what the server will read is what JSON.parse gives of the file
    if (!isDeepStrictEqual(stored.get(`${record.kind}/${record.id}`), JSON.parse(JSON.stringify(record.data)))) {
      throw new MigrationRefusedError(`the ${record.kind} record ${record.id} does not read back equal`);
    }
  }
  const docs = new PgDocStore(pool);
  const listed = await docs.list();
  if (listed.length !== states.size) throw new MigrationRefusedError(`${states.size} documents copied, ${listed.length} read back`);
  for (const [name, state] of states) {
    const source = new Y.Doc();
    Y.applyUpdate(source, state);
    const copy = new Y.Doc();
    for (const update of (await docs.load(name)).updates) Y.applyUpdate(copy, update);
    if (!Y.equalSnapshots(Y.snapshot(source), Y.snapshot(copy)) || !isDeepStrictEqual(source.toJSON(), copy.toJSON())) {
      throw new MigrationRefusedError(`document ${name} does not read back equal`);
    }
  }
  await docs.close();
}

/** The image lists of a data dir's guides (`images/guides/<guideId>.json`). */
async function readImageLists(dir: string): Promise<Map<string, ImageRecord[]>> {
  const lists = new Map<string, ImageRecord[]>();
  const files = existsSync(dir) ? await readdir(dir) : [];
  for (const file of files) {
    if (!file.endsWith(IMAGE_INDEX_EXT)) continue; // an interrupted write's temp file
    const index = JSON.parse(await readFile(join(dir, file), 'utf8')) as GuideImageIndex;
    lists.set(file.slice(0, -IMAGE_INDEX_EXT.length), index.images);
  }
  return lists;
}
