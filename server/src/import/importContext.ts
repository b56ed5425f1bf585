import type { GuideRepository } from '../storage/guideRepository.ts';
import type { DocStore } from '../storage/docStore.ts';
import type { LiveDocuments } from '../routes/routeServices.ts';
import type { PackageLimits } from './docxPackage.ts';
import type { ImportJournal } from './importJournal.ts';
import type { DocumentsAfterCommit } from './documentsAfterCommit.ts';
import type { ImportImages } from './importImages.ts';
import { ImportImageRefused } from './importImages.ts';
import type { ImageSink } from './convertDocx.ts';
import type { CleanImage, ImageFile } from '../images/imageStore.ts';

/** What the import use cases work with: built once by the app, passed to the route, tests, the bench. */
export interface ImportContext {
  guides: GuideRepository;
  /** Where new sections' documents are written before the metadata names them. */
  docStore: DocStore;
  live: Pick<LiveDocuments, 'editSection' | 'structureChanged'>;
  journal: ImportJournal;
  /**
   * Set when a new guide's section documents may be written after its commit (one node owns
   * them: the embedded store); null when they are written before it (PostgreSQL, where any node
   * may open a section the moment the metadata names it).
   */
  documentsAfterCommit: DocumentsAfterCommit | null;
  images: ImportImages;
  limits: PackageLimits;
  log: { error(obj: object, msg: string): void };
}

/** Images checked only (preview): each figure keeps a placeholder that is never stored. */
export function checkingSink(images: ImportImages): ImageSink<null> {
  return {
    prepare: (bytes) => refusedAs(images.check(bytes).then(() => null)),
    commit: async (prepared) => prepared.map((_, i) => ({ src: `/api/import/preview-image/${i + 1}`, imageId: null })),
  };
}

/** An import's images: the sink the conversion uses, then their files made durable and their listing in the guide. */
export interface StoringSink extends ImageSink<CleanImage> {
  /** The committed images' files, for a journal that holds them until `writeFiles` is done. */
  files(): ImageFile[];
  /**
   * Makes the committed images' files durable (placed, unsynced, as each image was cleaned): each
   * is read back and synced, or written again from the bytes held here.
   */
  writeFiles(): Promise<void>;
  /**
   * Lists the committed images in the guide, in one write of its index; their files must be
   * durable, or held by the import's durable journal. Resolves at once if nothing was committed.
   */
  list(): Promise<void>;
}

/**
 * Images checked, cleaned and placed as the file is read, then stored in `guideId`. An image's id
 * and URL depend only on its cleaned bytes (content addressing), so `commit` gives them at once;
 * its file, placed by the cleaning thread, is listed by no guide (nobody can read it) until `list`
 * names it in the guide's index, and the import's one metadata write makes the guide, and so its
 * images, visible.
 */
export function storingSink(images: ImportImages, guideId: string, userId: string): StoringSink {
  let committed: CleanImage[] = [];
  return {
    prepare: (bytes) => refusedAs(images.prepare(bytes)),
    commit: async (prepared) => {
      committed = prepared;
      return images.idsOf(guideId, prepared).map((s) => ({ src: s.url, imageId: s.id }));
    },
    files: () => images.filesOf(committed),
    writeFiles: () => images.writeFiles(images.filesOf(committed)),
    list: async () => {
      if (committed.length === 0) return;
      const expected = images.idsOf(guideId, committed);
      const listed = await images.listMany(guideId, committed, userId);
      if (listed.some((s, i) => s.id !== expected[i]!.id || s.url !== expected[i]!.url)) throw new Error('the image store named an image otherwise than its content');
    },
  };
}

/** A refusal as a value (the image is left out with a warning); any other error still rejects. */
async function refusedAs<P>(work: Promise<P>): Promise<{ prepared: P } | { refused: string }> {
  try {
    return { prepared: await work };
  } catch (err) {
    if (err instanceof ImportImageRefused) return { refused: err.message };
    throw err;
  }
}
