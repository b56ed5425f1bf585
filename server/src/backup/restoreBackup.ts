import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { decodeRecords } from '../storage/recordCodec.ts';
import { decodeImportEntry } from '../import/importJournalFile.ts';
import { fsyncDir } from '../storage/durableFile.ts';
import { BackupArchiveError, countImageFiles, decodeBackupArchive, type BackupManifest } from './backupArchive.ts';
import { checkArchivedImages } from './checkArchivedImages.ts';
import {
  ACCOUNTS_FILE,
  DOC_SNAPSHOT_EXT,
  docNameOfFile,
  DOCS_DIR,
  LEGACY_METADATA_FILE,
  IMPORTS_DIR,
  METADATA_DIR,
  VERSION_CONTENTS,
  VERSION_FILE_EXT,
  VERSIONS_DIR,
} from '../storage/dataDirLayout.ts';
import { hashContent } from '../storage/versionStore.ts';

/** The target data dir cannot receive the backup; the message says why, in one line. */
export class RestoreRefusedError extends Error {}

export interface RestoreSummary {
  manifest: BackupManifest;
  files: number;
  documents: number;
  images: number;
}

/**
 * Fills an empty (or missing) data dir from a backup. Nothing is written until the whole archive
 * has been checked; the files are then written and fsynced in a temp dir beside the target, which
 * is renamed into place in one step, so a failure at any point leaves the target as it was.
 */
export async function restoreBackup(archiveFile: string, dataDir: string): Promise<RestoreSummary> {
  let archive: Buffer;
  try {
    archive = await readFile(archiveFile);
  } catch (err) {
    throw new BackupArchiveError(`cannot read ${archiveFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const { manifest, files } = await decodeBackupArchive(archive);
  checkContents(files);
  await checkEmptyTarget(dataDir);

  const temp = join(dirname(dataDir), `.${basename(dataDir)}.restore-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  try {
    // Every directory and its ancestors; deepest first when fsyncing, so that each directory's entry
    // is durable in its parent.
    const dirs = [...new Set([DOCS_DIR, ...files.flatMap((f) => ancestors(f.path))])].sort().reverse();
    for (const dir of dirs) await mkdir(join(temp, dir), { recursive: true, mode: 0o700 });
    for (const file of files) {
      const fh = await open(join(temp, file.path), 'wx', 0o600);
      try {
        await fh.writeFile(file.data);
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
    for (const dir of dirs) await fsyncDir(join(temp, dir));
    await fsyncDir(temp);
    // rename(2) replaces an empty directory and fails with ENOTEMPTY if something appeared in it.
    await rename(temp, dataDir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOTEMPTY' || err.code === 'EEXIST') throw new RestoreRefusedError(`${dataDir} stopped being empty during the restore`);
      throw err;
    });
    await fsyncDir(dirname(dataDir));
  } catch (err) {
    await rm(temp, { recursive: true, force: true }).catch(() => {});
    throw err;
  }
  return { manifest, files: files.length, documents: countDocuments(files), images: countImageFiles(files.map((f) => f.path)) };
}

/**
 * What the server will read must parse: the metadata files as JSON, every document file as whole
 * records. The metadata comes in one layout: per file (`metadata/`), or the single file of archives
 * made by earlier versions (the server splits it at its first start).
 */
function checkContents(files: Array<{ path: string; data: Uint8Array }>): void {
  const accountsPath = `${METADATA_DIR}/${ACCOUNTS_FILE}`;
  const hasAccounts = files.some((f) => f.path === accountsPath);
  const hasLegacy = files.some((f) => f.path === LEGACY_METADATA_FILE);
  if (!hasAccounts && !hasLegacy) throw new BackupArchiveError(`the archive has no ${accountsPath} (nor ${LEGACY_METADATA_FILE})`);
  if (hasAccounts && hasLegacy) throw new BackupArchiveError(`the archive holds both ${accountsPath} and ${LEGACY_METADATA_FILE}`);
  for (const file of files) {
    // The journals of imports under way (one may hold a committed guide's only text).
    if (file.path.startsWith(`${IMPORTS_DIR}/`)) {
      try {
        decodeImportEntry(Buffer.from(file.data));
      } catch (err) {
        throw new BackupArchiveError(`${file.path} in the archive is not a readable import journal (${err instanceof Error ? err.message : String(err)})`);
      }
      continue;
    }
    if (file.path !== LEGACY_METADATA_FILE && !file.path.startsWith(`${METADATA_DIR}/`)) continue;
    try {
      JSON.parse(Buffer.from(file.data).toString('utf8'));
    } catch {
      throw new BackupArchiveError(`${file.path} in the archive is not valid JSON`);
    }
  }
  const contentsDir = `${VERSIONS_DIR}/${VERSION_CONTENTS}/`;
  for (const file of files) {
    // a version's content file is named by its hash: a damaged one would silently change a version
    if (file.path.startsWith(contentsDir) && hashContent(file.data) + VERSION_FILE_EXT !== file.path.slice(contentsDir.length)) {
      throw new BackupArchiveError(`${file.path} in the archive is damaged (its content does not match its hash)`);
    }
    if (!file.path.startsWith(`${DOCS_DIR}/`)) continue;
    const { records, problem } = decodeRecords(file.data);
    if (problem) throw new BackupArchiveError(`${file.path} in the archive is damaged (${problem})`);
    if (file.path.endsWith(DOC_SNAPSHOT_EXT) && records.length !== 1) throw new BackupArchiveError(`${file.path} in the archive is damaged`);
  }
  checkArchivedImages(files);
}

/** `a/b/c.ext` → `a/b`, `a`. */
function ancestors(path: string): string[] {
  const dirs: string[] = [];
  for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) dirs.push(dir);
  return dirs;
}

async function checkEmptyTarget(dataDir: string): Promise<void> {
  let entries: string[];
  try {
    if (!(await stat(dataDir)).isDirectory()) throw new RestoreRefusedError(`${dataDir} exists and is not a directory`);
    entries = await readdir(dataDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (entries.length > 0) {
    throw new RestoreRefusedError(`${dataDir} is not empty (${entries.length} entries); restore only fills an empty data dir`);
  }
}

function countDocuments(files: Array<{ path: string }>): number {
  return new Set(files.filter((f) => f.path.startsWith(`${DOCS_DIR}/`)).map((f) => docNameOfFile(f.path))).size;
}
