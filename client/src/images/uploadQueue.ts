import type { UploadedImage } from '@dalil/shared/api/images.ts';
import { ImageUploadError } from './imageUploadError.ts';
import { uploadImage, type UploadProgress } from './uploadImage.ts';

/** Where an upload stands; `waiting` says why it is not being sent right now. */
export type ImageUploadState =
  | { phase: 'waiting'; reason: 'offline' | 'unreachable'; retryInMs: number | null }
  | { phase: 'uploading'; progress: UploadProgress | null }
  | { phase: 'done'; image: UploadedImage }
  | { phase: 'failed'; error: ImageUploadError };

export interface ImageUpload {
  readonly guideId: string;
  readonly file: Blob;
  /** The latest state (also given to `subscribe` listeners on every change). */
  readonly state: ImageUploadState;
  /** Resolves with the stored image; rejects with an ImageUploadError (never with a network error: it waits instead). */
  readonly done: Promise<UploadedImage>;
  subscribe(listener: (state: ImageUploadState) => void): () => void;
  /** Stops the upload or the wait; `done` rejects with the failure `cancelled`. */
  cancel(): void;
}

/** Tries while the browser says it is online before waiting for the next `online` event; bounded on purpose. */
const MAX_ONLINE_ATTEMPTS = 8;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

const pending = new Set<ImageUpload>();
const pendingListeners = new Set<() => void>();

/**
 * Starts uploading an image now, or as soon as the connection returns: an image dropped while
 * offline waits (state `waiting`, reason `offline`) and goes when the browser is back online; a
 * connection that fails mid-way is retried with backoff. A refusal by the server (too large, not
 * an image, no right) fails at once, since sending it again would not change the answer. Retrying
 * is safe: the server names an image by its content, so a retry that reaches it twice stores it once.
 * Uploads live as long as the page: a reload while one waits loses it (the page warns first).
 */
export function startImageUpload(guideId: string, file: Blob): ImageUpload {
  const listeners = new Set<(state: ImageUploadState) => void>();
  const abort = new AbortController();
  let state: ImageUploadState = navigator.onLine
    ? { phase: 'uploading', progress: null }
    : { phase: 'waiting', reason: 'offline', retryInMs: null };
  const set = (next: ImageUploadState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };

  const run = async (): Promise<UploadedImage> => {
    let attempts = 0;
    for (;;) {
      if (abort.signal.aborted) throw new ImageUploadError('cancelled', 0, 'cancelled');
      if (!navigator.onLine) {
        set({ phase: 'waiting', reason: 'offline', retryInMs: null });
        await onlineAgain(abort.signal);
        attempts = 0;
        continue;
      }
      set({ phase: 'uploading', progress: null });
      try {
        return await uploadImage(guideId, file, (progress) => set({ phase: 'uploading', progress }), abort.signal);
      } catch (err) {
        const error = err instanceof ImageUploadError ? err : new ImageUploadError('network', 0, String(err));
        if (!error.transient) throw error;
        attempts++;
        if (!navigator.onLine) continue; // wait for the network above
        if (attempts >= MAX_ONLINE_ATTEMPTS) {
          // The device says it is online but the server stays out of reach: wait for a sign of life.
          set({ phase: 'waiting', reason: 'unreachable', retryInMs: null });
          await onlineAgain(abort.signal, MAX_RETRY_MS);
          attempts = 0;
          continue;
        }
        const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1));
        set({ phase: 'waiting', reason: 'unreachable', retryInMs: delay });
        await onlineAgain(abort.signal, delay);
      }
    }
  };

  const upload: ImageUpload = {
    guideId,
    file,
    get state() {
      return state;
    },
    done: Promise.resolve().then(run),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cancel: () => abort.abort(),
  };
  upload.done.then(
    (image) => set({ phase: 'done', image }),
    (error: ImageUploadError) => set({ phase: 'failed', error }),
  );
  trackPending(upload);
  return upload;
}

/** Resolves at the next `online` event (or after `timeoutMs`); rejects when cancelled. */
function onlineAgain(signal: AbortSignal, timeoutMs?: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (cancelled: boolean) => {
      window.removeEventListener('online', onOnline);
      signal.removeEventListener('abort', onAbort);
      if (timer !== undefined) clearTimeout(timer);
      if (cancelled) reject(new ImageUploadError('cancelled', 0, 'cancelled'));
      else resolve();
    };
    const onOnline = () => finish(false);
    const onAbort = () => finish(true);
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish(false), timeoutMs);
    window.addEventListener('online', onOnline);
    signal.addEventListener('abort', onAbort);
    if (signal.aborted) finish(true);
  });
}

function trackPending(upload: ImageUpload): void {
  pending.add(upload);
  if (pending.size === 1) window.addEventListener('beforeunload', warnBeforeUnload);
  notifyPending();
  const settle = () => {
    pending.delete(upload);
    if (pending.size === 0) window.removeEventListener('beforeunload', warnBeforeUnload);
    notifyPending();
  };
  upload.done.then(settle, settle);
}

/** Leaving the page would drop images not yet sent: the browser asks first. */
function warnBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
}

function notifyPending(): void {
  for (const listener of pendingListeners) listener();
}

/** Uploads not yet done (sending or waiting), for a "2 images waiting for the network" line. */
export function pendingImageUploads(): ImageUpload[] {
  return [...pending];
}

export function onPendingImageUploadsChange(listener: () => void): () => void {
  pendingListeners.add(listener);
  return () => pendingListeners.delete(listener);
}
