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

// Two images at a time, in arrival order: a slow photo (up to sharp's 60 s timeout) does not stop
// every other upload, and at most two decoded images are held. (An import's 40 figures took as
// long one at a time on two cores, where the server's thread needs one.)
const LANES = 2;
const lanes: Array<Promise<void>> = Array.from({ length: LANES }, () => Promise.resolve());
const busy = lanes.map(() => 0);
parentPort!.on('message', (request: CleanRequest) => {
  // The lane with the fewest images waiting.
  const lane = busy.indexOf(Math.min(...busy));
  busy[lane]!++;
  lanes[lane] = lanes[lane]!.then(() => answer(request)).finally(() => busy[lane]!--);
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
