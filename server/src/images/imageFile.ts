import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageFormat } from '@dalil/shared/api/images.ts';
import { TEMP_EXT } from '../storage/dataDirLayout.ts';
import { IMAGE_EXTENSIONS } from './imageFormat.ts';

export const imageFileName = (id: string, format: ImageFormat) => `${id}.${IMAGE_EXTENSIONS[format]}`;
export const sha256Hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Whether `path` holds exactly `data` (false when it is missing). */
export async function fileHolds(path: string, data: Uint8Array): Promise<boolean> {
  try {
    return (await readFile(path)).equals(data);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/** `fileHolds` in the calling thread (the image cleaning thread). */
function fileHoldsSync(path: string, data: Uint8Array): boolean {
  try {
    return readFileSync(path).equals(data);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/**
 * Places an image's file under its content-addressed name, in the calling thread (the image
 * cleaning thread, beside the import's parse), without syncing it: whoever lists it in a guide
 * makes it durable first (`ImageStore.writeFiles`), or holds its bytes in a durable journal. A file
 * already there is never replaced by an unsynced one (another guide may list it, durable): the new
 * file is linked in only where none is, and one there that lost its bytes to a power cut is
 * replaced by a synced copy. Written to a temp file first: a reader never sees it half done.
 */
export function placeImageFileSync(filesDir: string, name: string, data: Uint8Array): void {
  const path = join(filesDir, name);
  if (fileHoldsSync(path, data)) return;
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_EXT}`;
  try {
    writeFileSync(tmp, data, { flag: 'wx', mode: 0o600 });
    try {
      // Unlike a rename, a link never replaces: whoever made the file since the check keeps theirs.
      linkSync(tmp, path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (!fileHoldsSync(path, data)) {
        syncFileSync(tmp);
        renameSync(tmp, path);
      }
    }
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // Renamed into place, or never created.
    }
  }
}

function syncFileSync(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
