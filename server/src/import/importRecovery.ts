import type { DocStore } from '../storage/docStore.ts';
import type { ImageFile } from '../images/imageStore.ts';
import type { ImportRollback } from './importJournal.ts';
import { sectionUpdate } from './sectionDocument.ts';

/** What the metadata says, and how to forget a guide's images. */
export interface ImportRecoveryDeps {
  guideExists(guideId: string): boolean;
  docIsReferenced(docName: string): boolean;
  deleteGuideImages(guideId: string): Promise<void>;
  /** Writes image files durably (`ImageStore.writeFiles`). */
  writeImageFiles(files: ImageFile[]): Promise<void>;
  /** The store itself (for the server, the one under its `HeldDocStore`: nothing is held at start). */
  docStore: DocStore;
}

/** How a journal left by an import is settled against the metadata and the stores, by the server at start or offline. */
export function importRecovery(deps: ImportRecoveryDeps): ImportRollback {
  const { docStore } = deps;
  return {
    guideExists: deps.guideExists,
    docIsReferenced: deps.docIsReferenced,
    deleteGuideImages: deps.deleteGuideImages,
    writeImageFiles: deps.writeImageFiles,
    deleteDoc: (docName) => docStore.delete(docName),
    async writeDocIfMissing(docName, blocks) {
      // A document that exists was written whole (temp file, fsync, rename) from this very content,
      // and may have been edited since (a backup can hold the journal and the edited document):
      // only a missing one is written.
      const loaded = await docStore.load(docName);
      if (loaded.updates.length === 0) await docStore.compact(docName, sectionUpdate(blocks));
      await docStore.release(docName);
    },
  };
}
