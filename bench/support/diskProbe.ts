import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { summarize, sleep, type Summary } from './stats.ts';

/**
 * What the disk under the data dirs gives right now: 64-byte write + fdatasync, `count` times,
 * 10 ms apart. Context for the edit → saved latency (its floor) on a machine others share.
 */
export async function probeDisk(dir: string, count = 200): Promise<Summary> {
  const path = join(dir, `bench-disk-probe-${process.pid}.bin`);
  const fh = await open(path, 'w');
  const samples: number[] = [];
  const buf = Buffer.alloc(64, 1);
  try {
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      await fh.write(buf, 0, buf.byteLength, i * buf.byteLength);
      await fh.datasync();
      samples.push(performance.now() - t0);
      await sleep(10);
    }
  } finally {
    await fh.close();
    await rm(path, { force: true });
  }
  return summarize(samples);
}
