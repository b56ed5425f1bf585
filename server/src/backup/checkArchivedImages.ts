import { createHash } from 'node:crypto';
import { BackupArchiveError } from './backupArchive.ts';
import type { GuideImageIndex } from '../images/imageStore.ts';
import { imageFileName } from '../images/imageFile.ts';
import { IMAGE_FILES_DIR, IMAGE_INDEX_DIR, imageIdOfFile, IMAGES_DIR } from '../storage/dataDirLayout.ts';

/**
 * The images of an archive must be what the server will read: each file's bytes hash to its name
 * (the name is the image id the documents point to), and every guide index parses and names only
 * files that the archive carries. A restore that passed this serves every image it lists.
 */
export function checkArchivedImages(files: Array<{ path: string; data: Uint8Array }>): void {
  const filesDir = `${IMAGES_DIR}/${IMAGE_FILES_DIR}/`;
  const indexDir = `${IMAGES_DIR}/${IMAGE_INDEX_DIR}/`;
  const stored = new Set<string>();
  for (const file of files) {
    if (!file.path.startsWith(filesDir)) continue;
    const name = file.path.slice(filesDir.length);
    if (createHash('sha256').update(file.data).digest('hex') !== imageIdOfFile(name)) {
      throw new BackupArchiveError(`${file.path} in the archive does not hold the image its name says`);
    }
    stored.add(name);
  }
  for (const file of files) {
    if (!file.path.startsWith(indexDir)) continue;
    let index: GuideImageIndex;
    try {
      index = JSON.parse(Buffer.from(file.data).toString('utf8')) as GuideImageIndex;
      if (!Array.isArray(index.images)) throw new Error('no image list');
    } catch {
      throw new BackupArchiveError(`${file.path} in the archive is not a valid image index`);
    }
    for (const record of index.images) {
      if (!stored.has(imageFileName(record.id, record.format))) {
        throw new BackupArchiveError(`${file.path} in the archive lists image ${String(record.id)}, which the archive lacks`);
      }
    }
  }
}
