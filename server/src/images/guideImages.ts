import type { GuideRepository } from '../storage/guideRepository.ts';
import type { ImageStore } from './imageStore.ts';

export interface ImageLimits {
  /** Largest upload, in bytes (IMAGE_MAX_BYTES). */
  maxBytes: number;
  /** Most pixels an image may declare, all frames counted (IMAGE_MAX_PIXELS). */
  maxPixels: number;
}

/** What the image use cases work with: built once by the app, passed to routes, the CLI and tests. */
export interface GuideImages {
  store: ImageStore;
  limits: ImageLimits;
  guides: Pick<GuideRepository, 'findGuide'>;
}
