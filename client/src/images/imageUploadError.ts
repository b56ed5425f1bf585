import type { ImageRefusal } from '@dalil/shared/api/images.ts';

/** What went wrong with an upload, in the terms a person can act on. */
export type ImageUploadFailure =
  | 'too_large'
  | 'svg'
  | 'not_an_image'
  | 'polyglot'
  | 'too_many_pixels'
  | 'unreadable'
  | 'forbidden'
  | 'signed_out'
  | 'network'
  | 'server'
  | 'cancelled';

const BY_REFUSAL: Record<ImageRefusal, ImageUploadFailure> = {
  image_too_large: 'too_large',
  svg_not_accepted: 'svg',
  unsupported_image_type: 'not_an_image',
  polyglot_image: 'polyglot',
  image_too_many_pixels: 'too_many_pixels',
  image_unreadable: 'unreadable',
};

/** A failed upload: `failure` picks the sentence, `serverMessage` is the server's own (English) detail. */
export class ImageUploadError extends Error {
  constructor(
    readonly failure: ImageUploadFailure,
    readonly status: number,
    readonly serverMessage: string,
  ) {
    super(`${failure}: ${serverMessage}`);
    this.name = 'ImageUploadError';
  }

  /** Worth trying again by itself (the network, or a server that failed): never a refusal of the file. */
  get transient(): boolean {
    return this.failure === 'network' || (this.failure === 'server' && this.status >= 500);
  }

  /** The largest size the server accepts, in MB, when it said so (413). */
  get maxMegabytes(): string | null {
    return /larger than ([\d.]+) MB/.exec(this.serverMessage)?.[1] ?? null;
  }
}

/** The error for an HTTP reply that is not a success. 413 and 415 are told apart even without a body. */
export function errorFromReply(status: number, body: unknown): ImageUploadError {
  const reply = (typeof body === 'object' && body !== null ? body : {}) as { error?: string; message?: string };
  const message = reply.message ?? `HTTP ${status}`;
  const refusal = reply.error !== undefined ? BY_REFUSAL[reply.error as ImageRefusal] : undefined;
  if (refusal) return new ImageUploadError(refusal, status, message);
  if (status === 413) return new ImageUploadError('too_large', status, message);
  if (status === 415) return new ImageUploadError('not_an_image', status, message);
  if (status === 401) return new ImageUploadError('signed_out', status, message);
  if (status === 403) return new ImageUploadError('forbidden', status, message);
  return new ImageUploadError('server', status, message);
}
