import { IMAGE_REFUSALS, type ImageRefusal } from '@dalil/shared/api/images.ts';
import { FileRefused } from '../domain/errors.ts';

const KIND = { 413: 'too_large', 415: 'unsupported_file', 422: 'unreadable_content' } as const;

/** An image that will not be stored; `reason` says which rule refused it, `message` says it in one line. */
export class ImageRefusedError extends FileRefused {
  constructor(
    readonly reason: ImageRefusal,
    message: string,
  ) {
    super(KIND[IMAGE_REFUSALS[reason]], reason, message);
    this.name = 'ImageRefusedError';
  }
}
