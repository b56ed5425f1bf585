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
  return async (found) => {
    const outcomes: Array<Awaited<ReturnType<ImageSink>>[number]> = [];
    for (const [i, image] of found.entries()) {
      try {
        await images.check(image.bytes);
        outcomes.push({ src: `/api/import/preview-image/${i + 1}`, imageId: null });
      } catch (err) {
        if (err instanceof ImportImageRefused) outcomes.push({ refused: err.message });
        else throw err;
      }
    }
    return outcomes;
  };
}

/** Images stored in `guideId` through the image store, all with one write of its index. */
export function storingSink(images: ImportImages, guideId: string, userId: string): ImageSink {
  return async (found) => {
    if (found.length === 0) return [];
    const stored = await images.storeMany(guideId, found.map((image) => image.bytes), userId);
    return stored.map((s) => (s instanceof ImportImageRefused ? { refused: s.message } : { src: s.url, imageId: s.id }));
  };
}
