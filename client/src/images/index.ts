/**
 * Images of a guide, for the figure node (and paste/drop handlers) to call.
 *
 *   const upload = startImageUpload(guideId, file);   // File or Blob, as dropped or pasted
 *   upload.subscribe((state) => render(imageUploadStatusText(state, t)));
 *   const image = await upload.done;                   // { id, url, width, height, bytes }
 *   // put image.url (and width/height) into the figure node; never the file's bytes
 *
 * - `upload.state.phase`: `uploading` (with `progress.fraction`, from real upload events),
 *   `waiting` (`reason: 'offline'`: sent when the browser is back online; `'unreachable'`: retried
 *   with backoff), `done`, `failed`.
 * - `upload.done` rejects with an ImageUploadError only for good: a refusal of the file
 *   (`failure`: too_large 413, svg / not_an_image / polyglot 415, too_many_pixels / unreadable 422),
 *   no right (forbidden), signed out, or `cancel()`. Show `imageUploadErrorMessage(error, t)` and
 *   remove the placeholder: a failed upload must leave no broken figure.
 * - `pendingImageUploads()` / `onPendingImageUploadsChange()`: uploads not done yet (sending or
 *   waiting); while there are some, leaving the page asks for confirmation.
 * - `uploadImage(guideId, file, onProgress, signal)`: one attempt, no waiting, for callers that
 *   handle retries themselves.
 * The same picture uploaded twice gets the same id and URL (the server names images by content).
 */
export { startImageUpload, pendingImageUploads, onPendingImageUploadsChange } from './uploadQueue.ts';
export type { ImageUpload, ImageUploadState } from './uploadQueue.ts';
export { uploadImage } from './uploadImage.ts';
export type { UploadProgress } from './uploadImage.ts';
export { ImageUploadError } from './imageUploadError.ts';
export type { ImageUploadFailure } from './imageUploadError.ts';
export { imageUploadErrorMessage, imageUploadStatusText } from './imageUploadText.ts';
export type { UploadedImage } from '@dalil/shared/api/images.ts';
