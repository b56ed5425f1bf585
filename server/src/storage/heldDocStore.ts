import type { DocStore, LoadedDoc } from './docStore.ts';

/** What holds documents in a `HeldDocStore`. */
export interface DocumentHold {
  /** The documents are written: operations on them go through again. */
  release(): void;
  /**
   * They cannot be written for now (a failing disk, a server stopping): operations waiting on them,
   * and any made before `release`, fail with `reason` rather than wait, or read them empty.
   */
  refuse(reason: Error): void;
}

/**
 * A DocStore in which some documents can be held: they exist for the metadata already, but their
 * content is still being written from elsewhere (a new guide's sections, which an import writes
 * right after its commit, from its journal). Every operation on a held document waits until it is
 * let go, so nobody reads an empty document in their place, edits it, or deletes it under the
 * writer. The writer itself goes through `inner`. Documents nobody holds go straight through.
 */
export class HeldDocStore implements DocStore {
  private readonly holds = new Map<string, Promise<void>>();

  constructor(readonly inner: DocStore) {}

  hold(names: string[]): DocumentHold {
    let settle!: { resolve: () => void; reject: (reason: Error) => void };
    let held = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    // A refusal nobody waits for is not an unhandled rejection.
    held.catch(() => {});
    for (const name of names) this.holds.set(name, held);
    const replaceWith = (next: Promise<void>) => {
      for (const name of names) if (this.holds.get(name) === held) this.holds.set(name, next);
      held = next;
    };
    return {
      release: () => {
        for (const name of names) if (this.holds.get(name) === held) this.holds.delete(name);
        settle.resolve();
      },
      refuse: (reason) => {
        settle.reject(reason);
        const refused = Promise.reject(reason);
        refused.catch(() => {});
        replaceWith(refused);
      },
    };
  }

  load(name: string): Promise<LoadedDoc> {
    return this.afterHold(name, () => this.inner.load(name));
  }

  append(name: string, updates: Uint8Array[]): Promise<void> {
    return this.afterHold(name, () => this.inner.append(name, updates));
  }

  compact(name: string, state: Uint8Array): Promise<void> {
    return this.afterHold(name, () => this.inner.compact(name, state));
  }

  /** New documents only: a held name is refused (it is being written). */
  get createMany(): DocStore['createMany'] {
    const inner = this.inner;
    if (!inner.createMany) return undefined;
    const holds = this.holds;
    return (documents) =>
      inner.createMany!(
        (async function* () {
          for await (const document of documents) {
            if (holds.has(document[0])) throw new Error(`document ${document[0]} is being written by an import`);
            yield document;
          }
        })(),
      );
  }

  logBytes(name: string): number {
    return this.inner.logBytes(name);
  }

  /** Not held back: it only drops what is open for the document (the inner store orders it after the writer's work). */
  release(name: string): Promise<void> {
    return this.inner.release(name);
  }

  list(): Promise<string[]> {
    return this.inner.list();
  }

  delete(name: string): Promise<void> {
    return this.afterHold(name, () => this.inner.delete(name));
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /**
   * `operation` once `name` is let go; straight away (no extra turn) when nobody holds it, which
   * is every append of every edit.
   */
  private afterHold<T>(name: string, operation: () => Promise<T>): Promise<T> {
    const held = this.holds.get(name);
    return held ? held.then(operation) : operation();
  }
}
