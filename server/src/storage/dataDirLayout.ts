/**
 * The names of everything a Dalil data dir holds. The stores that write these files and the backup
 * that copies them (and allows nothing else in an archive) take the names from here.
 */
export const METADATA_FILE = 'metadata.json';
export const SECRET_FILE = 'session-secret';
export const LOCK_FILE = 'dalil.lock';
/** Section documents: `<docName>.ydoc` (compacted state) and `<docName>.ylog` (appended updates). */
export const DOCS_DIR = 'docs';
export const DOC_SNAPSHOT_EXT = '.ydoc';
export const DOC_LOG_EXT = '.ylog';
/** Approved versions: `<sectionId>/<snapshotId>.yjs` (Yjs state) and `.json` (text and layout). */
export const SNAPSHOTS_DIR = 'snapshots';
export const APPROVED_STATE_EXT = '.yjs';
export const APPROVED_VIEW_EXT = '.json';
