import type { ImageRefusal } from '@dalil/shared/api/images.ts';

/** An image that will not be stored; `reason` says which rule refused it, `message` says it in one line. */
export class ImageRefusedError extends Error {
  constructor(
    readonly reason: ImageRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'ImageRefusedError';
  }
}
