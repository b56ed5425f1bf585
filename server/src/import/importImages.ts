/** Why the image store refused an image (it stays out of the import, with a warning). */
export class ImportImageRefused extends Error {}

/**
 * What an import needs from the image store. `store` may be asked for a guide the metadata does not
 * list yet (the guide being imported commits after its images); `check` runs the store's checks
 * that need no decoding (size, format, foreign content, the header's pixel count), for a preview.
 */
export interface ImportImages {
  /**
   * Stores a file's images with one write of the guide's image index. Resolves with each stored
   * image or the ImportImageRefused that kept it out; any other error aborts the import.
   */
  storeMany(guideId: string, images: Uint8Array[], storedBy: string): Promise<Array<{ id: string; url: string } | ImportImageRefused>>;
  check(bytes: Uint8Array): Promise<void>;
  /** Forgets a guide's images (an import that did not commit). */
  deleteGuide(guideId: string): Promise<void>;
  /** The import of `guideId` ended (committed or undone): it is no longer a guide being imported. */
  done(guideId: string): void;
}
