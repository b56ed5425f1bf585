import { parentPort } from 'node:worker_threads';
import type { ImageFormat } from '@dalil/shared/api/images.ts';
import { ImageRefusedError } from './imageRefused.ts';
import { reencodeImage } from './reencodeImage.ts';

/** A request from `cleanImage`, and what comes back for it. */
export interface CleanRequest {
  id: number;
  input: Uint8Array;
  format: ImageFormat;
  maxPixels: number;
}
export type CleanReply =
  | { id: number; cleaned: { data: Uint8Array; width: number; height: number } }
  | { id: number; refused: { reason: ImageRefusedError['reason']; message: string } }
  | { id: number; failed: string };

// One image after another: the thread holds one decoded image at a time, and takes one core.
// (Two at a time was measured too: no faster on two cores, where the server's thread needs one.)
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (request: CleanRequest) => {
  queue = queue.then(() => answer(request));
});

async function answer({ id, input, format, maxPixels }: CleanRequest): Promise<void> {
  let reply: CleanReply;
  try {
    const { data, width, height } = await reencodeImage(input, format, maxPixels);
    reply = { id, cleaned: { data, width, height } };
  } catch (err) {
    reply =
      err instanceof ImageRefusedError
        ? { id, refused: { reason: err.reason, message: err.message } }
        : { id, failed: err instanceof Error ? err.message : String(err) };
  }
  // Copied, not transferred: libvips' output buffer is memory Node may not hand to another thread.
  parentPort!.postMessage(reply);
}
