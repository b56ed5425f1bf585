import { closeSync, openSync, readFileSync, unlinkSync, writeSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE } from './dataDirLayout.ts';

export class DataDirLockedError extends Error {}

/**
 * One process owns a data dir: two servers appending to the same logs would corrupt them.
 * The lock file holds the owner's pid; a lock left by a process that no longer runs (kill -9)
 * is taken over, since nobody can be writing through it.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      fsyncSync(fd);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
      throw new DataDirLockedError(
        `data dir ${dataDir} is in use by another Dalil server (pid ${owner}); stop it or choose another DATA_DIR`,
      );
    }
    try {
      unlinkSync(path);
    } catch {
      // Another starter removed it first; try again.
    }
  }
  throw new DataDirLockedError(`could not lock data dir ${dataDir}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
