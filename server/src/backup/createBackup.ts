import { encodeBackupArchive } from './backupArchive.ts';
import { BackupSourceError, collectBackupFiles } from './collectBackupFiles.ts';
import { fileExists, writeFileDurably } from '../storage/durableFile.ts';

export interface BackupSummary {
  file: string;
  createdAt: Date;
  documents: number;
  /** Distinct image files in the archive (its manifest says the same). */
  images: number;
  files: number;
  /** Bytes of data read (before compression). */
  rawBytes: number;
  archiveBytes: number;
  droppedLogBytes: number;
}

/**
 * Writes a backup of `dataDir` to `file` (temp file, fsync, rename: a crash never leaves half an
 * archive under that name). Safe while a server runs on the data dir: see `collectBackupFiles`.
 */
export async function createBackup(dataDir: string, file: string): Promise<BackupSummary> {
  if (await fileExists(file)) throw new BackupSourceError(`${file} already exists; choose a new file name`);
  const createdAt = new Date();
  const collected = await collectBackupFiles(dataDir);
  const archive = await encodeBackupArchive(collected.files, createdAt);
  await writeFileDurably(file, archive);
  return {
    file,
    createdAt,
    documents: collected.documents,
    images: collected.images,
    files: collected.files.length,
    rawBytes: collected.files.reduce((sum, f) => sum + f.data.byteLength, 0),
    archiveBytes: archive.byteLength,
    droppedLogBytes: collected.droppedLogBytes,
  };
}
