import { FileDocStore } from '@dalil/server/storage/fileDocStore.ts';
import type { DocStore } from '@dalil/server/storage/docStore.ts';

/**
 * The real embedded store, with switchable faults on its write path: `fail` makes appends and
 * compactions reject with the given errno (EIO for a dying disk, ENOSPC for a full one).
 */
export class FaultyDocStore extends FileDocStore {
  fail: null | 'EIO' | 'ENOSPC' = null;
  failedAttempts = 0;

  override append(name: string, updates: Uint8Array[]): Promise<void> {
    if (this.fail) return this.reject();
    return super.append(name, updates);
  }

  override compact(name: string, state: Uint8Array): Promise<void> {
    if (this.fail) return this.reject();
    return super.compact(name, state);
  }

  private reject(): Promise<never> {
    this.failedAttempts++;
    const err = new Error(`${this.fail}: injected fault`) as NodeJS.ErrnoException;
    err.code = this.fail!;
    return Promise.reject(err);
  }
}

export function faultyStoreFactory(holder: { store?: FaultyDocStore }) {
  return (dir: string, logger: { warn(o: object, m: string): void }): DocStore => {
    holder.store = new FaultyDocStore(dir, logger);
    return holder.store;
  };
}
