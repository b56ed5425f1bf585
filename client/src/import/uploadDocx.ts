import { csrfToken } from '../api/csrf.ts';

/** A refused or failed import: `code` picks the sentence (i18n `import.errors.*`). */
export class ImportError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly serverMessage: string,
  ) {
    super(`${code}: ${serverMessage}`);
    this.name = 'ImportError';
  }
}

export type ImportPhase = { kind: 'uploading'; fraction: number } | { kind: 'converting' };

/**
 * Sends a Word file to an import endpoint with real upload progress (XMLHttpRequest's upload
 * events; fetch has none), then reports the server's conversion phase until it answers.
 */
export function uploadDocx<T>(path: string, file: File, onPhase?: (phase: ImportPhase) => void, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.responseType = 'text';
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = csrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onPhase?.({ kind: 'uploading', fraction: event.total > 0 ? event.loaded / event.total : 0 });
    };
    xhr.upload.onload = () => onPhase?.({ kind: 'converting' });
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.onload = () => {
      signal?.removeEventListener('abort', onAbort);
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* a proxy's error page */
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const reply = (typeof body === 'object' && body !== null ? body : {}) as { error?: string; message?: string };
      reject(new ImportError(reply.error ?? (xhr.status === 413 ? 'import_too_large' : 'server'), xhr.status, reply.message ?? `HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new ImportError('network', 0, 'the connection failed'));
    xhr.onabort = () => reject(new ImportError('cancelled', 0, 'cancelled'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
