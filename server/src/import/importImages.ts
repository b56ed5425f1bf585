import type { CleanImage, ImageFile } from '../images/imageStore.ts';

/** Why the image store refused an image (it stays out of the import, with a warning). */
export class ImportImageRefused extends Error {}

/**
 * What an import needs from the image store. `listMany` may be asked for a guide the metadata does
 * not list yet (the guide being imported commits after its images); `check` runs the store's checks
 * that need no decoding (size, format, foreign content, the header's pixel count), for a preview.
 */
export interface ImportImages {
  /**
   * Runs the store's checks and cleaning on an image, before any guide is named (an import starts
   * it while the file is still being read), and places its file, unsynced and listed in no guide
   * (nobody can read it yet). Rejects with ImportImageRefused; any other error aborts.
   */
  prepare(bytes: Uint8Array): Promise<CleanImage>;
  /** The id and URL `listMany` will give each image in the guide (they follow from its bytes). */
  idsOf(guideId: string, images: CleanImage[]): Array<{ id: string; url: string }>;
  /** Prepared images' files: what a journal holds to cover them until `writeFiles`. */
  filesOf(images: CleanImage[]): ImageFile[];
  /** Makes image files durable: each is read back and synced, or written again (`ImageStore.writeFiles`). */
  writeFiles(files: ImageFile[]): Promise<void>;
  /** Lists images whose files are durable (or held by a durable journal) in a guide, with one write of its image index. */
  listMany(guideId: string, images: CleanImage[], storedBy: string): Promise<Array<{ id: string; url: string }>>;
  check(bytes: Uint8Array): Promise<void>;
  /** Forgets a guide's images (an import that did not commit). */
  deleteGuide(guideId: string): Promise<void>;
  /** The import of `guideId` ended (committed or undone): it is no longer a guide being imported. */
  done(guideId: string): void;
}
