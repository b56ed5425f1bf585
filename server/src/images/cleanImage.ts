import { Worker } from 'node:worker_threads';
import type { ImageFormat } from '@dalil/shared/api/images.ts';
import { ImageRefusedError } from './imageRefused.ts';
import { loadSharp } from './loadSharp.ts';
import { knowImageId } from './imageStore.ts';
import type { CleanedImage } from './reencodeImage.ts';
import type { CleanReply, CleanRequest } from './imageCleanerWorker.ts';

export { MAX_IMAGE_EDGE, type CleanedImage } from './reencodeImage.ts';

/**
 * Images are cleaned (`reencodeImage`) in a thread of their own, two at a time, queued there.
 * Beside the server's thread rather than fed by it: libvips' calls used to start dozens at once on
 * Node's thread pool, which on a two-core machine took the core of the server's own thread too
 * (an import's 40 figures, meant to be cleaned while mammoth parses the XML, slowed that parse by a
 * third), and feeding them a few at a time from the server's thread stalls whenever that thread is
 * busy (the parse runs for tens of milliseconds at once). Two at a time also bounds the memory of a
 * burst of large photos to two decoded images.
 */
class CleaningThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (image: CleanedImage) => void; reject: (err: Error) => void }>();

  async clean(input: Uint8Array, format: ImageFormat, maxPixels: number, placeIn?: string): Promise<CleanedImage> {
    // libvips stays loaded in this thread for the process's life: a worker that unloads the last
    // reference to it can crash the process (sharp's documentation on worker threads).
    await loadSharp();
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    const request: CleanRequest = { id, input, format, maxPixels, ...(placeIn !== undefined ? { placeIn } : {}) };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) worker.ref();
      worker.postMessage(request);
    });
  }

  private start(): Worker {
    // From the sources (tests, `pnpm dev`) the worker is TypeScript, run through tsx; from the
    // build, `dist/imageCleanerWorker.js` beside the bundle.
    const fromSources = import.meta.url.endsWith('.ts');
    const worker = fromSources
      ? new Worker(
          // tsx registers itself in the main thread only (and a worker's --import is not applied to
          // its entry): its API registers it here first, from the ES build beside its loader.
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
             .then((tsx) => tsx.register())
             .then(() => import(${JSON.stringify(new URL('./imageCleanerWorker.ts', import.meta.url).href)}));`,
          { eval: true },
        )
      : new Worker(new URL('./imageCleanerWorker.js', import.meta.url));
    // Kept only while an image waits: an idle thread must not keep the process alive.
    worker.unref();
    worker.on('message', (reply: CleanReply) => this.settle(reply));
    worker.on('error', (err) => this.failAll(err));
    worker.on('messageerror', (err) => this.failAll(err));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error(`the image cleaning thread stopped (exit code ${code})`));
    });
    return worker;
  }

  private settle(reply: CleanReply): void {
    const waiter = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker?.unref();
    if (!waiter) return;
    if ('cleaned' in reply) {
      const { data, width, height, imageId } = reply.cleaned;
      const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      if (imageId !== undefined) knowImageId(bytes, imageId);
      waiter.resolve({ data: bytes, width, height });
    } else if ('refused' in reply) waiter.reject(new ImageRefusedError(reply.refused.reason, reply.refused.message));
    else waiter.reject(new Error(reply.failed));
  }

  private failAll(err: Error): void {
    const waiters = [...this.waiting.values()];
    this.waiting.clear();
    this.worker?.unref();
    for (const waiter of waiters) waiter.reject(err);
  }
}

const thread = new CleaningThread();

/**
 * Cleans an image for storing (see `reencodeImage`: metadata gone, orientation applied, scaled to
 * MAX_IMAGE_EDGE, decompression bombs refused, bytes from the encoder), in the image thread; with
 * `placeIn` (the store's files dir), the thread also places its file there, unsynced
 * (`placeImageFileSync`). Throws ImageRefusedError when the image is refused.
 */
export function cleanImage(input: Uint8Array, format: ImageFormat, maxPixels: number, placeIn?: string): Promise<CleanedImage> {
  return thread.clean(input, format, maxPixels, placeIn);
}
