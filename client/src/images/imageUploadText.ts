import type { TFunction } from 'i18next';
import type { ImageUploadError, ImageUploadFailure } from './imageUploadError.ts';
import type { ImageUploadState } from './uploadQueue.ts';

const FAILURE_KEYS: Record<ImageUploadFailure, string> = {
  too_large: 'images.errors.tooLarge',
  svg: 'images.errors.svg',
  not_an_image: 'images.errors.notAnImage',
  polyglot: 'images.errors.polyglot',
  too_many_pixels: 'images.errors.tooManyPixels',
  unreadable: 'images.errors.unreadable',
  forbidden: 'images.errors.forbidden',
  signed_out: 'images.errors.signedOut',
  network: 'images.errors.network',
  server: 'images.errors.server',
  cancelled: 'images.errors.cancelled',
};

/** A whole sentence, in the interface language, saying why the image was not added and what to do. */
export function imageUploadErrorMessage(error: ImageUploadError, t: TFunction): string {
  if (error.failure === 'too_large' && error.maxMegabytes === null) return t('images.errors.tooLargeNoMax');
  return t(FAILURE_KEYS[error.failure], { max: error.maxMegabytes, message: error.serverMessage });
}

/** One line for the figure being uploaded: progress, the wait, or the failure. */
export function imageUploadStatusText(state: ImageUploadState, t: TFunction): string {
  switch (state.phase) {
    case 'uploading':
      return state.progress ? t('images.uploading', { percent: Math.floor(state.progress.fraction * 100) }) : t('images.starting');
    case 'waiting':
      return state.reason === 'offline' ? t('images.waitingOffline') : t('images.waitingServer');
    case 'done':
      return t('images.done');
    case 'failed':
      return imageUploadErrorMessage(state.error, t);
  }
}
