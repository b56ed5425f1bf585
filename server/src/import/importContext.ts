import type { GuideRepository } from '../storage/guideRepository.ts';
import type { DocStore } from '../storage/docStore.ts';
import type { LiveDocuments } from '../routes/routeServices.ts';
import type { PackageLimits } from './docxPackage.ts';
import type { ImportJournal } from './importJournal.ts';
import type { ImportImages } from './importImages.ts';
import { ImportImageRefused } from './importImages.ts';
import type { ImageSink } from './convertDocx.ts';

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

/** Images checked only (preview): the figure keeps a placeholder that is never stored. */
export function checkingSink(images: ImportImages): ImageSink {
  let n = 0;
  return async (bytes) => {
    try {
      await images.check(bytes);
      return { src: `/api/import/preview-image/${++n}`, imageId: null };
    } catch (err) {
      if (err instanceof ImportImageRefused) return { refused: err.message };
      throw err;
    }
  };
}

/** Images stored in `guideId` through the image store. */
export function storingSink(images: ImportImages, guideId: string, userId: string): ImageSink {
  return async (bytes) => {
    try {
      const stored = await images.store(guideId, bytes, userId);
      return { src: stored.url, imageId: stored.id };
    } catch (err) {
      if (err instanceof ImportImageRefused) return { refused: err.message };
      throw err;
    }
  };
}
