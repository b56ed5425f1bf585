import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageFormat } from '@dalil/shared/api/images.ts';
import { TEMP_EXT } from '../storage/dataDirLayout.ts';
import { IMAGE_EXTENSIONS } from './imageFormat.ts';

export const imageFileName = (id: string, format: ImageFormat) => `${id}.${IMAGE_EXTENSIONS[format]}`;
export const sha256Hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Whether `path` holds exactly `data` (false when it is missing). */
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
 * makes it durable first, or covers it by a journal that holds its bytes (see `ImageStore`). A
 * file already there is kept only if it holds these very bytes: an unsynced file a power cut
 * emptied must not be reused. Written to a temp file and renamed: a reader never sees it half done.
 */
export function placeImageFileSync(filesDir: string, name: string, data: Uint8Array): void {
  const path = join(filesDir, name);
  if (fileHoldsSync(path, data)) return;
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_EXT}`;
  writeFileSync(tmp, data, { flag: 'wx', mode: 0o600 });
  try {
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // Left as a temp file: never read, and never archived.
    }
    throw err;
  }
}
