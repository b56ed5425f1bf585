import type { GuideRepository } from '../storage/guideRepository.ts';
import type { DocStore } from '../storage/docStore.ts';
import type { LiveDocuments } from '../routes/routeServices.ts';
import type { PackageLimits } from './docxPackage.ts';
import type { ImportJournal } from './importJournal.ts';
import type { DocumentsAfterCommit } from './documentsAfterCommit.ts';
import type { ImportImages } from './importImages.ts';
import { ImportImageRefused } from './importImages.ts';
import type { ImageSink } from './convertDocx.ts';
import type { CleanImage } from '../images/imageStore.ts';

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

/** An import's images: the sink the conversion uses, then their listing in the guide. */
export interface StoringSink extends ImageSink<CleanImage> {
  /**
   * Lists the images the conversion committed in the guide, in one write of its index, once their
   * files are durable; rejects if writing either failed; resolves at once if nothing was committed.
   * Called by the import when the guide may name them (a new guide: once its journal does), and
   * awaited before it commits.
   */
  list(): Promise<void>;
  /** Resolves once no write the sink started is still going (before a rollback); never rejects. */
  settled(): Promise<void>;
}

type Outcome = Promise<{ failed: unknown } | null>;
// Caught at once: a rejection left unhandled across a turn of the event loop stops the process.
const outcome = (work: Promise<unknown>): Outcome =>
  work.then(
    () => null,
    (failed: unknown) => ({ failed }),
  );

/**
 * Images checked and cleaned as the file is read, then stored in `guideId`. An image's id and URL
 * depend only on its cleaned bytes (content addressing), so `commit` gives them at once and starts
 * writing the files, which no guide lists yet (nobody can read them); `list` then names them in the
 * guide's index, and the import's one metadata write makes the guide, and so its images, visible.
 */
export function storingSink(images: ImportImages, guideId: string, userId: string): StoringSink {
  let committed: CleanImage[] = [];
  let files: Outcome = Promise.resolve(null);
  let listing: Outcome = Promise.resolve(null);
  return {
    prepare: (bytes) => refusedAs(images.prepare(bytes)),
    commit: async (prepared) => {
      if (prepared.length === 0) return [];
      committed = prepared;
      files = outcome(images.writeFiles(prepared));
      return images.idsOf(guideId, prepared).map((s) => ({ src: s.url, imageId: s.id }));
    },
    list: async () => {
      if (committed.length === 0) return;
      const expected = images.idsOf(guideId, committed);
      listing = outcome(
        (async () => {
          const written = await files;
          if (written) throw written.failed;
          const listed = await images.listMany(guideId, committed, userId);
          if (listed.some((s, i) => s.id !== expected[i]!.id || s.url !== expected[i]!.url)) throw new Error('the image store named an image otherwise than its content');
        })(),
      );
      const listed = await listing;
      if (listed) throw listed.failed;
    },
    settled: async () => {
      await Promise.all([files, listing]);
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
