import { parentPort } from 'node:worker_threads';
import type { ImageFormat } from '@dalil/shared/api/images.ts';
import { ImageRefusedError } from './imageRefused.ts';
import { reencodeImage } from './reencodeImage.ts';
import { imageFileName, placeImageFileSync, sha256Hex } from './imageFile.ts';

/** A request from `cleanImage`, and what comes back for it. */
export interface CleanRequest {
  id: number;
  input: Uint8Array;
  format: ImageFormat;
  maxPixels: number;
  /** The image store's files dir, where the cleaned image's file is placed, unsynced (an import's). */
  placeIn?: string;
}
export type CleanReply =
  | { id: number; cleaned: { data: Uint8Array; width: number; height: number; imageId?: string } }
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

async function answer({ id, input, format, maxPixels, placeIn }: CleanRequest): Promise<void> {
  let reply: CleanReply;
  try {
    const { data, width, height } = await reencodeImage(input, format, maxPixels);
    let imageId: string | undefined;
    if (placeIn !== undefined) {
      // Here rather than from the server's thread, whose writes, a handful of steps each, waited
      // for every turn its parse did not give (40 figures: 15 ms after it).
      imageId = sha256Hex(data);
      placeImageFileSync(placeIn, imageFileName(imageId, format), data);
    }
    reply = { id, cleaned: { data, width, height, ...(imageId !== undefined ? { imageId } : {}) } };
  } catch (err) {
    reply =
      err instanceof ImageRefusedError
        ? { id, refused: { reason: err.reason, message: err.message } }
        : { id, failed: err instanceof Error ? err.message : String(err) };
  }
  // Copied, not transferred: libvips' output buffer is memory Node may not hand to another thread.
  parentPort!.postMessage(reply);
}
