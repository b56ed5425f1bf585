import type { DocStore, LoadedDoc } from './docStore.ts';

/** Lets go of documents held by `HeldDocStore.hold`. */
export type ReleaseHold = () => void;

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

  /** Holds `names` until the returned function is called. */
  hold(names: string[]): ReleaseHold {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    for (const name of names) this.holds.set(name, held);
    return () => {
      for (const name of names) if (this.holds.get(name) === held) this.holds.delete(name);
      release();
    };
  }

  /** Whether `name` is being written (for reports; operations wait by themselves). */
  isHeld(name: string): boolean {
    return this.holds.has(name);
  }

  async load(name: string): Promise<LoadedDoc> {
    await this.holds.get(name);
    return this.inner.load(name);
  }

  async append(name: string, updates: Uint8Array[]): Promise<void> {
    await this.holds.get(name);
    return this.inner.append(name, updates);
  }

  async compact(name: string, state: Uint8Array): Promise<void> {
    await this.holds.get(name);
    return this.inner.compact(name, state);
  }

  get createMany(): DocStore['createMany'] {
    return this.inner.createMany?.bind(this.inner);
  }

  logBytes(name: string): number {
    return this.inner.logBytes(name);
  }

  async release(name: string): Promise<void> {
    await this.holds.get(name);
    return this.inner.release(name);
  }

  list(): Promise<string[]> {
    return this.inner.list();
  }

  async delete(name: string): Promise<void> {
    await this.holds.get(name);
    return this.inner.delete(name);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
