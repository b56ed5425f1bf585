import { isValidDocName } from '@dalil/shared';

export const METADATA_FILE = 'metadata.json';
export const SECRET_FILE = 'session-secret';
export const DOCS_DIR = 'docs';
export const SNAPSHOTS_DIR = 'snapshots';

/**
 * The only paths a backup may contain: the files a Dalil server writes. An allow-list rather than a
 * check for `..` and leading `/`: a restore can then never write outside the data dir, nor plant a
 * file the server would not expect (a lock, a symlink target, a dotfile).
 */
export function isArchivablePath(path: string): boolean {
  if (path === METADATA_FILE || path === SECRET_FILE) return true;
  const doc = /^docs\/([^/]+)\.(ydoc|ylog)$/.exec(path);
  if (doc) return isValidDocName(doc[1]!);
  // Approved versions: snapshots/<sectionId>/<snapshotId>.yjs|.json (ids use the doc-name alphabet).
  const snapshot = /^snapshots\/([^/]+)\/([^/]+)\.(yjs|json)$/.exec(path);
  return snapshot !== null && isValidDocName(snapshot[1]!) && isValidDocName(snapshot[2]!);
}
