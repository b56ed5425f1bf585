import type { IndexeddbPersistence } from 'y-indexeddb';

/** Key in the section's own IndexedDB database (y-indexeddb's `custom` store). */
const KEY = 'dalil.savedSnapshot';

/**
 * The last `saved` snapshot the server sent for one section, kept beside the section's text in
 * IndexedDB. After a reload while offline it tells how many of the local changes the server has
 * not confirmed yet, before any socket is open.
 */
export interface SavedSnapshotStore {
  /** The stored snapshot (`Y.encodeSnapshot` bytes), or null when none was stored or it cannot be read. */
  load(): Promise<Uint8Array | null>;
  /** Stores the newest snapshot; writes never overlap, and only the latest waiting one is written. */
  save(snapshot: Uint8Array): void;
}

export function savedSnapshotStore(local: IndexeddbPersistence): SavedSnapshotStore {
  let waiting: Uint8Array | null = null;
  let writing = false;

  const drain = async (): Promise<void> => {
    writing = true;
    while (waiting) {
      const next = waiting;
      waiting = null;
      // private mode, quota, or the database closed with the session: the count just starts unknown next time
      // stored as an exact-length ArrayBuffer (y-indexeddb's custom store type)
      await local.set(KEY, next.slice().buffer).catch(() => undefined);
    }
    writing = false;
  };

  return {
    load: async () => {
      try {
        const value: unknown = await local.get(KEY);
        return value instanceof ArrayBuffer ? new Uint8Array(value) : null;
      } catch {
        return null;
      }
    },
    save: (snapshot) => {
      waiting = snapshot;
      if (!writing) void drain();
    },
  };
}
