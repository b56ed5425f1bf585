import { csrfToken } from '../api/csrf.ts';

/** What the image store answers to an upload (POST /api/guides/:guideId/images). */
export interface UploadedImage {
  id: string;
  url: string;
  width: number;
  height: number;
  bytes: number;
}

/**
 * Uploads one image to the guide's image store with progress. Interim adapter written against the
 * `images` branch's contract (`client/src/images/uploadImage`); replaced by that module when merged.
 */
export function uploadImage(guideId: string, file: Blob, onProgress: (percent: number) => void): Promise<UploadedImage> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/guides/${encodeURIComponent(guideId)}/images`);
    const csrf = csrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let payload: { message?: string } & Partial<UploadedImage> = {};
      try {
        payload = JSON.parse(xhr.responseText) as typeof payload;
      } catch {
        // not JSON: report the status below
      }
      if (xhr.status >= 200 && xhr.status < 300 && payload.id && payload.url) resolve(payload as UploadedImage);
      else reject(new Error(payload.message ?? `HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error('network'));
    const form = new FormData();
    form.append('file', file, file instanceof File ? file.name : 'image');
    xhr.send(form);
  });
}
