/**
 * The last good reply of the GET calls a page needs to open without network (who I am, my guides,
 * a guide's contents, members and comment threads), kept in Cache Storage so that a reload while
 * offline still shows the guide; the service worker serves the code, this keeps the data. Network
 * first: a copy is used only when the request cannot reach the server. The copies belong to one
 * account and are forgotten whenever the signed-in account changes or leaves.
 */
const CACHE = 'dalil-api';
const KEPT = /^\/api\/(me(\/session)?|guides(\/[^/?]+(\/(members|trash|threads))?)?)(\?status=\w+)?$/;

/** Bumped by `forgetCopies`: a reply that was in flight meanwhile belongs to the old session. */
let generation = 0;

const available = (): boolean => typeof caches !== 'undefined';

export function isKept(method: string, path: string): boolean {
  return method === 'GET' && KEPT.test(path);
}

/** Returns a function that stores `response` for `path` unless the copies were forgotten since. */
export function keeper(path: string): (response: Response) => void {
  const started = generation;
  return (response) => {
    if (!available() || started !== generation) return;
    void caches
      .open(CACHE)
      .then((cache) => (started === generation ? cache.put(path, response) : undefined))
      .catch(() => undefined); // quota or private mode: offline reloads just will not have it
  };
}

export async function offlineCopy(path: string): Promise<Response | undefined> {
  if (!available()) return undefined;
  return caches.match(path, { cacheName: CACHE }).catch(() => undefined);
}

/** The server refused `path` (no longer a member, guide gone): its copy must not be drawn again. */
export function forgetCopy(path: string): void {
  if (available()) void caches.open(CACHE).then((cache) => cache.delete(path)).catch(() => undefined);
}

export async function forgetCopies(): Promise<void> {
  generation++;
  if (available()) await caches.delete(CACHE).catch(() => undefined);
}

/**
 * The last good reply of a kept GET, parsed, or nothing. Pages show it while the fresh reply is on
 * its way (a second visit on a slow link need not wait a round trip to draw what it drew last time);
 * the fresh reply replaces it.
 */
export async function keptReply<T>(path: string): Promise<T | undefined> {
  const copy = await offlineCopy(path);
  if (!copy) return undefined;
  return (await copy.json().catch(() => undefined)) as T | undefined;
}
