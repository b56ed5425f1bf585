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

/** An import's images: the sink the conversion uses, and the writes it started. */
export interface StoringSink extends ImageSink<CleanImage> {
  /**
   * Resolves once the images the conversion committed are durable and listed in the guide (files
   * and index), rejects if storing them failed; resolves at once if nothing was committed. Awaited
   * before the import commits, and before it rolls back (no write may race the rollback).
   */
  stored(): Promise<void>;
}

/**
 * Images checked and cleaned as the file is read, then stored in `guideId`. An image's id and URL
 * depend only on its cleaned bytes (content addressing), so `commit` gives them at once and starts
 * writing the files, which no guide lists yet (nobody can read them); `beforeListing` (a new
 * guide's journal naming it) resolves before the guide's index lists them, in one write. The
 * import waits for `stored()` before its one metadata write makes the guide, and so its images,
 * visible.
 */
export function storingSink(images: ImportImages, guideId: string, userId: string, beforeListing: () => Promise<unknown> = async () => {}): StoringSink {
  let writes: Promise<{ failed: unknown } | null> = Promise.resolve(null);
  return {
    prepare: (bytes) => refusedAs(images.prepare(bytes)),
    commit: async (prepared) => {
      if (prepared.length === 0) return [];
      const expected = images.idsOf(guideId, prepared);
      const storing = async () => {
        // Both awaited together, so that a failure of either is heard at once (a rejection
        // awaited only later would be reported as unhandled meanwhile).
        const [files, named] = await Promise.allSettled([images.writeFiles(prepared), beforeListing()]);
        if (files.status === 'rejected') throw files.reason;
        if (named.status === 'rejected') throw named.reason;
        const listed = await images.listMany(guideId, prepared, userId);
        if (listed.some((s, i) => s.id !== expected[i]!.id || s.url !== expected[i]!.url)) throw new Error('the image store named an image otherwise than its content');
      };
      // Caught at once: a rejection left unhandled across a turn of the event loop stops the process.
      writes = storing().then(
        () => null,
        (failed: unknown) => ({ failed }),
      );
      return expected.map((s) => ({ src: s.url, imageId: s.id }));
    },
    stored: async () => {
      const outcome = await writes;
      if (outcome) throw outcome.failed;
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
