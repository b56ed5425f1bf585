import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidDocName } from '@dalil/shared';
import { decodeRecords } from '../storage/recordCodec.ts';
import { decodeImportEntry } from '../import/importJournalFile.ts';
import type { BackupFile } from './backupArchive.ts';
import { isArchivablePath } from './archivablePath.ts';
import {
  DOC_LOG_EXT,
  DOC_SNAPSHOT_EXT,
  docNameOfFile,
  DOCS_DIR,
  IMAGE_FILES_DIR,
  IMAGE_INDEX_DIR,
  IMAGES_DIR,
  IMPORTS_DIR,
  isRuntimeFile,
  ACCOUNTS_FILE,
  GUIDE_METADATA_DIR,
  LEGACY_METADATA_FILE,
  METADATA_DIR,
  METADATA_SUBDIRS,
  NOTIFICATIONS_DIR,
  SECRET_FILE,
  THREADS_DIR,
  WORKFLOW_DIR,
  SNAPSHOTS_DIR,
  VERSION_CONTENTS,
  VERSION_MANIFESTS,
  VERSIONS_DIR,
} from '../storage/dataDirLayout.ts';

export interface CollectedFiles {
  files: BackupFile[];
  documents: number;
  /** Distinct image files (an image used in several guides is stored, and counted, once). */
  images: number;
  /** Bytes of torn log tails left out (an append was being written while the log was read). */
  droppedLogBytes: number;
}

/** The data dir cannot be backed up; the message says why, in one line. */
export class BackupSourceError extends Error {}

/**
 * Reads a data dir that a running server may be writing, without its lock and without stopping it,
 * into a consistent set of files. Everything saved ("saved" sent to a client) before this call
 * starts is in the result. Why the order below is enough:
 *
 * - Metadata first, documents after: every section the metadata names has its document read later,
 *   so its text is at least as recent as the section. Each metadata file is replaced by rename, so
 *   one read sees a whole version of it. The guide files (guides, threads, workflow) come first, then accounts, then
 *   notifications: a member or a notification read names a person whose account is read after it.
 *   (A data dir still in the single-file layout, not yet opened by this version, has its
 *   metadata.json backed up as it is.)
 * - Import journals after the metadata, before the documents. A new guide's import commits with
 *   its sections' content in its journal and writes their documents after; the journal goes
 *   only once they are durable. So a guide the metadata read names either has its journal read
 *   here (the restored server writes the documents from it at start) or had its documents
 *   written before, and they are read below. A journal of an import that never committed comes
 *   along too, and the restored server undoes it as this one would.
 * - Per document, the log before the snapshot. The server compacts by renaming a new snapshot into
 *   place (containing the whole log) and only then truncating the log. So whatever happens between
 *   the two reads, the snapshot read second contains everything the log read first lacked: either it
 *   is the same snapshot the log extends, or a newer one containing that whole log. Replaying a log
 *   record that a newer snapshot already holds is harmless (Yjs updates are idempotent).
 * - A log is read while appends may land: the last record can be torn. It is cut at the last record
 *   whose length and CRC-32 check out; those bytes belong to an append that was not yet confirmed.
 * - Approved versions (`snapshots/`) are written whole (temp file, rename) and never rewritten, and
 *   before the metadata names them: read after the metadata, every one it names is there.
 * - Guide versions (`versions/`): contents are read after manifests. A manifest is written only
 *   after every content file it names, and content files are never removed, so every manifest read
 *   has its contents read later.
 * - Images: the guides' indexes first, the image files after. A file is written (and never
 *   changed nor deleted) before an index names it, so every file an index read names is there when
 *   the files are read; a file stored after the indexes were read comes along unlisted, harmlessly.
 */
export async function collectBackupFiles(dataDir: string): Promise<CollectedFiles> {
  await refuseUnknownFiles(dataDir);
  const files: BackupFile[] = refuseDamagedJson(dataDir, await metadataFiles(dataDir));
  const secret = await readIfExists(join(dataDir, SECRET_FILE));
  if (secret) files.push({ path: SECRET_FILE, data: secret });

  files.push(...refuseDamagedJournals(dataDir, await filesOf(dataDir, IMPORTS_DIR)));

  const docsDir = join(dataDir, DOCS_DIR);
  let documents = 0;
  let droppedLogBytes = 0;
  for (const name of await documentNames(docsDir)) {
    const log = await readIfExists(join(docsDir, name + DOC_LOG_EXT));
    const snapshot = await readIfExists(join(docsDir, name + DOC_SNAPSHOT_EXT));
    if (!log && !snapshot) continue; // deleted since the listing
    if (log) {
      const { validBytes } = decodeRecords(log);
      droppedLogBytes += log.byteLength - validBytes;
      files.push({ path: `${DOCS_DIR}/${name}${DOC_LOG_EXT}`, data: log.subarray(0, validBytes) });
    }
    if (snapshot) {
      const { records, problem } = decodeRecords(snapshot);
      if (problem || records.length !== 1) {
        // Snapshots are written atomically: a bad one is damage the server would refuse to load too.
        throw new BackupSourceError(`snapshot of document ${name} is corrupt (${problem ?? `${records.length} records`})`);
      }
      files.push({ path: `${DOCS_DIR}/${name}${DOC_SNAPSHOT_EXT}`, data: snapshot });
    }
    documents++;
  }
  files.push(...(await approvedVersions(join(dataDir, SNAPSHOTS_DIR))));
  for (const sub of [VERSION_MANIFESTS, VERSION_CONTENTS]) files.push(...(await filesOf(dataDir, `${VERSIONS_DIR}/${sub}`)));
  const imageIndexes = await imageDirFiles(dataDir, IMAGE_INDEX_DIR);
  const imageFiles = await imageDirFiles(dataDir, IMAGE_FILES_DIR);
  files.push(...imageIndexes, ...imageFiles);
  return { files, documents, images: imageFiles.length, droppedLogBytes };
}

/** `files`, once each parses as JSON (metadata, import journals): a damaged one stops the backup. */
/** An import's journal may hold a committed guide's only text: a damaged one is damage to refuse. */
function refuseDamagedJournals(dataDir: string, files: BackupFile[]): BackupFile[] {
  for (const file of files) {
    try {
      decodeImportEntry(Buffer.from(file.data));
    } catch (err) {
      throw new BackupSourceError(`${join(dataDir, file.path)} is not a readable import journal (${err instanceof Error ? err.message : String(err)}); refusing to back up a damaged data dir`);
    }
  }
  return files;
}

function refuseDamagedJson(dataDir: string, files: BackupFile[]): BackupFile[] {
  for (const file of files) {
    try {
      JSON.parse(Buffer.from(file.data).toString('utf8'));
    } catch {
      throw new BackupSourceError(`${join(dataDir, file.path)} is not valid JSON; refusing to back up a damaged data dir`);
    }
  }
  return files;
}

/** The per-file metadata layout in the order explained above, or the single file of earlier versions. */
async function metadataFiles(dataDir: string): Promise<BackupFile[]> {
  const accountsPath = `${METADATA_DIR}/${ACCOUNTS_FILE}`;
  if (await readIfExists(join(dataDir, accountsPath))) {
    const guides: BackupFile[] = [];
    for (const sub of [GUIDE_METADATA_DIR, THREADS_DIR, WORKFLOW_DIR]) guides.push(...(await filesOf(dataDir, `${METADATA_DIR}/${sub}`)));
    const accounts = await readIfExists(join(dataDir, accountsPath));
    if (!accounts) throw new BackupSourceError(`${join(dataDir, accountsPath)} vanished during the backup`);
    const notifications = await filesOf(dataDir, `${METADATA_DIR}/${NOTIFICATIONS_DIR}`);
    return [...guides, { path: accountsPath, data: accounts }, ...notifications];
  }
  const legacy = await readIfExists(join(dataDir, LEGACY_METADATA_FILE));
  if (!legacy) throw new BackupSourceError(`${dataDir} has no ${accountsPath}: it is not a Dalil data dir`);
  return [{ path: LEGACY_METADATA_FILE, data: legacy }];
}

async function imageDirFiles(dataDir: string, subdir: string): Promise<BackupFile[]> {
  const files: BackupFile[] = [];
  for (const file of (await listIfExists(join(dataDir, IMAGES_DIR, subdir))).sort()) {
    const path = `${IMAGES_DIR}/${subdir}/${file}`;
    if (!isArchivablePath(path)) continue; // temp files; anything else was refused up front
    const data = await readIfExists(join(dataDir, IMAGES_DIR, subdir, file));
    if (data) files.push({ path, data });
  }
  return files;
}

async function approvedVersions(snapshotsDir: string): Promise<BackupFile[]> {
  const files: BackupFile[] = [];
  for (const section of (await listIfExists(snapshotsDir)).sort()) {
    for (const file of (await listIfExists(join(snapshotsDir, section))).sort()) {
      const path = `${SNAPSHOTS_DIR}/${section}/${file}`;
      if (!isArchivablePath(path)) continue; // temp files; anything else was refused up front
      const data = await readIfExists(join(snapshotsDir, section, file));
      if (data) files.push({ path, data });
    }
  }
  return files;
}

/** The archivable files of one directory of the data dir, by name. */
async function filesOf(dataDir: string, dir: string): Promise<BackupFile[]> {
  const files: BackupFile[] = [];
  for (const file of (await listIfExists(join(dataDir, dir))).sort()) {
    const path = `${dir}/${file}`;
    if (!isArchivablePath(path)) continue; // temp files; anything else was refused up front
    const data = await readIfExists(join(dataDir, path));
    if (data) files.push({ path, data });
  }
  return files;
}

/**
 * A file this backup does not know would be silently missing from the archive, so its presence
 * (say, a newer server version storing something new) stops the backup instead.
 */
async function refuseUnknownFiles(dataDir: string): Promise<void> {
  const known = new Set([METADATA_DIR, LEGACY_METADATA_FILE, SECRET_FILE, DOCS_DIR, SNAPSHOTS_DIR, VERSIONS_DIR, IMAGES_DIR]);
  const unknown = (await listIfExists(dataDir)).filter((f) => !known.has(f) && !isRuntimeFile(f));
  const check = (path: string) => !isRuntimeFile(path) && !isArchivablePath(path) && unknown.push(path);
  for (const f of await listIfExists(join(dataDir, DOCS_DIR))) check(`${DOCS_DIR}/${f}`);
  for (const entry of await listIfExists(join(dataDir, METADATA_DIR))) {
    if (!(METADATA_SUBDIRS as readonly string[]).includes(entry)) check(`${METADATA_DIR}/${entry}`);
    else for (const f of await listIfExists(join(dataDir, METADATA_DIR, entry))) check(`${METADATA_DIR}/${entry}/${f}`);
  }
  const sections = await readdir(join(dataDir, SNAPSHOTS_DIR), { withFileTypes: true }).catch(() => []);
  for (const section of sections) {
    if (!section.isDirectory()) {
      check(`${SNAPSHOTS_DIR}/${section.name}`);
      continue;
    }
    for (const f of await listIfExists(join(dataDir, SNAPSHOTS_DIR, section.name))) check(`${SNAPSHOTS_DIR}/${section.name}/${f}`);
  }
  for (const sub of await listIfExists(join(dataDir, VERSIONS_DIR))) {
    if (sub !== VERSION_MANIFESTS && sub !== VERSION_CONTENTS) check(`${VERSIONS_DIR}/${sub}`);
    else for (const f of await listIfExists(join(dataDir, VERSIONS_DIR, sub))) check(`${VERSIONS_DIR}/${sub}/${f}`);
  }
  for (const entry of await listIfExists(join(dataDir, IMAGES_DIR))) {
    if (entry !== IMAGE_FILES_DIR && entry !== IMAGE_INDEX_DIR) {
      unknown.push(`${IMAGES_DIR}/${entry}`);
      continue;
    }
    for (const f of await listIfExists(join(dataDir, IMAGES_DIR, entry))) check(`${IMAGES_DIR}/${entry}/${f}`);
  }
  if (unknown.length > 0) {
    throw new BackupSourceError(`${dataDir} holds files this backup does not know (${unknown.slice(0, 5).join(', ')}); nothing was written`);
  }
}

async function listIfExists(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw err;
  }
}

async function documentNames(docsDir: string): Promise<string[]> {
  const entries = await listIfExists(docsDir);
  const names = new Set<string>();
  for (const file of entries) {
    const name = docNameOfFile(file);
    if (name !== null && isValidDocName(name)) names.add(name);
  }
  return [...names].sort();
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
