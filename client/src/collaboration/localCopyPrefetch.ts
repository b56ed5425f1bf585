/**
 * A section's IndexedDB copy, read as soon as a page load knows which section it opens, while its
 * code and the guide are still on their way. The copy is the one y-indexeddb keeps (a database
 * named after the document, its updates in the store "updates"); SectionSession applies what was
 * read here instead of waiting for its own IndexedDB connection, which it opens only once the page
 * has drawn the workspace: on a second visit from a phone that wait was 130–190 ms on the path to
 * an editable section. y-indexeddb still reads the same updates afterwards (applying them again
 * changes nothing) and keeps storing new ones.
 */
const UPDATES_STORE = 'updates';

const reads = new Map<string, Promise<Uint8Array[] | null>>();

/** Starts reading the copy of `docName`, if this browser has one. */
export function prefetchLocalCopy(docName: string): void {
  if (reads.has(docName) || typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  reads.set(
    docName,
    readCopy(docName).catch(() => null),
  );
}

/**
 * The updates read for `docName` (null: this browser has no copy), handed out once; undefined when
 * nothing was prefetched for that name (the session then waits for y-indexeddb as before).
 */
export function takeLocalCopy(docName: string): Promise<Uint8Array[] | null> | undefined {
  const read = reads.get(docName);
  reads.delete(docName);
  return read;
}

async function readCopy(docName: string): Promise<Uint8Array[] | null> {
  // Opening a database that does not exist creates it, empty and without y-indexeddb's stores,
  // which y-indexeddb would then open as it is: ask first, and refuse to create (below).
  const known = await indexedDB.databases();
  if (!known.some((db) => db.name === docName)) return null;
  const db = await openExisting(docName);
  try {
    if (!db.objectStoreNames.contains(UPDATES_STORE)) return null;
    const all = await asPromise(db.transaction(UPDATES_STORE, 'readonly').objectStore(UPDATES_STORE).getAll());
    return all.filter((update): update is Uint8Array => update instanceof Uint8Array);
  } finally {
    // a deletion (a locked section's copy being cleared) waits for this connection to close
    db.close();
  }
}

/** Opens `name` without ever creating it (deleted since the check: the creation is aborted). */
function openExisting(name: string): Promise<IDBDatabase> {
  const request = indexedDB.open(name);
  request.onupgradeneeded = () => request.transaction?.abort();
  return asPromise(request);
}

function asPromise<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}
