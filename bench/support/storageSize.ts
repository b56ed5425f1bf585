import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { until } from './stats.ts';

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);

/** Bytes Dalil keeps on disk for a document: compacted state (`.ydoc`) plus update log (`.ylog`). */
export function persistedBytes(dataDir: string, docName: string): number {
  const base = join(dataDir, 'docs', docName);
  return fileSize(`${base}.ydoc`) + fileSize(`${base}.ylog`);
}

/** Waits until each document has a compacted state and an empty log (the server unloaded it). */
export async function waitForCompaction(dataDir: string, docNames: string[], timeoutMs: number): Promise<void> {
  await until(
    'documents compacted',
    () => docNames.every((n) => fileSize(join(dataDir, 'docs', `${n}.ydoc`)) > 0 && fileSize(join(dataDir, 'docs', `${n}.ylog`)) === 0),
    timeoutMs,
    50,
  );
}
