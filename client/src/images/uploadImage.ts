import { IMAGE_UPLOAD_FIELD, type UploadedImage } from '@dalil/shared/api/images.ts';
import { csrfToken } from '../api/csrf.ts';
import { errorFromReply, ImageUploadError } from './imageUploadError.ts';

export interface UploadProgress {
  /** Bytes of the request sent so far, and in all (the multipart body, a little more than the file). */
  loaded: number;
  total: number;
  /** 0 to 1. */
  fraction: number;
}

/**
 * Sends one image to the guide, once, reporting real upload progress (fetch cannot report what it
 * has sent; XMLHttpRequest's upload events can). Resolves with the stored image; rejects with an
 * ImageUploadError. The session cookie goes along (same origin) with the CSRF token, as every
 * mutating call of `api/` sends it.
 */
export function uploadImage(
  guideId: string,
  file: Blob,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<UploadedImage> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ImageUploadError('cancelled', 0, 'cancelled'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/guides/${encodeURIComponent(guideId)}/images`);
    xhr.responseType = 'text';
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = csrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (event) => {
      if (!onProgress || !event.lengthComputable) return;
      onProgress({ loaded: event.loaded, total: event.total, fraction: event.total > 0 ? event.loaded / event.total : 0 });
    };
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal?.removeEventListener('abort', onAbort);
    xhr.onload = () => {
      settle();
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* an HTML error page from a proxy, or nothing */
      }
      if (xhr.status === 200 || xhr.status === 201) resolve(body as UploadedImage);
      else reject(errorFromReply(xhr.status, body));
    };
    xhr.onerror = () => {
      settle();
      reject(new ImageUploadError('network', 0, 'the connection failed during the upload'));
    };
    xhr.onabort = () => {
      settle();
      reject(new ImageUploadError('cancelled', 0, 'cancelled'));
    };
    const form = new FormData();
    form.append(IMAGE_UPLOAD_FIELD, file, file instanceof File ? file.name : 'image');
    xhr.send(form);
  });
}
