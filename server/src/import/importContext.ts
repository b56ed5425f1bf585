import type { GuideRepository } from '../storage/guideRepository.ts';
import type { DocStore } from '../storage/docStore.ts';
import type { LiveDocuments } from '../routes/routeServices.ts';
import type { PackageLimits } from './docxPackage.ts';
import type { ImportJournal } from './importJournal.ts';
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
  images: ImportImages;
  limits: PackageLimits;
}

/** Images checked only (preview): each figure keeps a placeholder that is never stored. */
export function checkingSink(images: ImportImages): ImageSink<null> {
  return {
    prepare: (bytes) => refusedAs(images.check(bytes).then(() => null)),
    commit: async (prepared) => prepared.map((_, i) => ({ src: `/api/import/preview-image/${i + 1}`, imageId: null })),
  };
}

/**
 * Images checked and cleaned as the file is read, then stored in `guideId` with one write of its
 * index, once `beforeStoring` has resolved (the import's journal must name the guide first).
 */
export function storingSink(images: ImportImages, guideId: string, userId: string, beforeStoring: () => Promise<unknown> = async () => {}): ImageSink<CleanImage> {
  return {
    prepare: (bytes) => refusedAs(images.prepare(bytes)),
    commit: async (prepared) => {
      await beforeStoring();
      if (prepared.length === 0) return [];
      return (await images.storeMany(guideId, prepared, userId)).map((s) => ({ src: s.url, imageId: s.id }));
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
