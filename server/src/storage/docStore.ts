/**
 * Where section documents live. Updates are Yjs binary updates; the store never interprets them.
 * The embedded implementation is an append-only log per document; a PostgreSQL one would map
 * `append` to one INSERT transaction and `compact` to a transaction that writes the merged update
 * and deletes the rows it replaces.
 */
export interface LoadedDoc {
  /** Updates to apply in order: the compacted state first, then the log. Empty for a new document. */
  updates: Uint8Array[];
  /** Bytes of log written since the last compaction. */
  logBytes: number;
  /** Bytes of the compacted state. */
  snapshotBytes: number;
}

export interface DocStore {
  load(name: string): Promise<LoadedDoc>;
  /** Resolves only once every update is durable (written and fsynced). Rejects on any I/O error. */
  append(name: string, updates: Uint8Array[]): Promise<void>;
  /**
   * Replaces everything stored for `name` by `state`, which must contain every update appended so
   * far. Callers must not append to the same document while a compaction runs.
   */
  compact(name: string, state: Uint8Array): Promise<void>;
  /**
   * Optional: stores new documents (names nothing was ever stored under, e.g. an import's
   * sections), each holding its state, durable when it resolves; cheaper than `compact` for each.
   * They may arrive one by one (an async iterable): each is written as it comes; an iterable that
   * throws fails the call once the writes already started have settled.
   */
  createMany?(documents: Iterable<[name: string, state: Uint8Array]> | AsyncIterable<[name: string, state: Uint8Array]>): Promise<void>;
  /** Bytes appended since the last compaction, to decide when to compact. */
  logBytes(name: string): number;
  /** The document left memory: drop whatever is held open for it (file handles, cached sizes). */
  release(name: string): Promise<void>;
  list(): Promise<string[]>;
  delete(name: string): Promise<void>;
  /** Releases file handles; data already appended is durable. */
  close(): Promise<void>;
}
