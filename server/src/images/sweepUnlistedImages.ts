import { readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { IMAGE_FILES_DIR, IMAGE_INDEX_DIR, IMAGE_INDEX_EXT, imageIdOfFile, TEMP_EXT } from '../storage/dataDirLayout.ts';
import type { GuideImageIndex } from './imageStore.ts';

/**
 * Deletes the image files no guide's index lists, and interrupted temp files: what imports that
 * never committed left (an import places its pictures' files as it cleans them, used or not, before
 * it knows it will commit). Only at the start of the process that owns the data dir (embedded
 * store: the indexes are its files), once the import journals are settled: nothing is being
 * imported or uploaded then. An index that cannot be read stops the sweep: its images would look
 * unlisted. Returns how many files went.
 */
export async function sweepUnlistedImages(imagesDir: string): Promise<number> {
  const indexDir = join(imagesDir, IMAGE_INDEX_DIR);
  const filesDir = join(imagesDir, IMAGE_FILES_DIR);
  const listed = new Set<string>();
  for (const file of await readdir(indexDir)) {
    if (!file.endsWith(IMAGE_INDEX_EXT)) continue;
    let index: GuideImageIndex;
    try {
      index = JSON.parse(await readFile(join(indexDir, file), 'utf8')) as GuideImageIndex;
    } catch (err) {
      throw new Error(`the image index ${join(indexDir, file)} cannot be read (${err instanceof Error ? err.message : String(err)}); no image file was deleted`);
    }
    for (const image of index.images) listed.add(image.id);
  }
  let deleted = 0;
  for (const file of await readdir(filesDir)) {
    const id = imageIdOfFile(file);
    if (id !== null ? listed.has(id) : !file.endsWith(TEMP_EXT)) continue;
    await unlink(join(filesDir, file)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    deleted++;
  }
  return deleted;
}
