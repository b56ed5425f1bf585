/**
 * The names of everything a Dalil data dir holds. The stores that write these files and the backup
 * that copies them (and allows nothing else in an archive) take the names from here.
 */
/**
 * Metadata, one lowdb file per thing that changes on its own, so the cost of a change does not grow
 * with everything else stored: `metadata/accounts.json` (users and sessions),
 * `metadata/guides/<guideId>.json` (a guide with its sections, members and invitations),
 * `metadata/threads/<guideId>.json` (its comment threads), `metadata/workflow/<guideId>.json` (its
 * sections' workflow history) and `metadata/notifications/<userId>.json` (one person's notifications).
 */
export const METADATA_DIR = 'metadata';
export const ACCOUNTS_FILE = 'accounts.json';
export const GUIDE_METADATA_DIR = 'guides';
export const THREADS_DIR = 'threads';
export const WORKFLOW_DIR = 'workflow';
export const NOTIFICATIONS_DIR = 'notifications';
/** The subdirectories of METADATA_DIR, each holding files named `<id>.json`. */
export const METADATA_SUBDIRS = [GUIDE_METADATA_DIR, THREADS_DIR, WORKFLOW_DIR, NOTIFICATIONS_DIR] as const;
export const METADATA_FILE_EXT = '.json';
/** The single-file layout of earlier versions: split into METADATA_DIR once, at start. */
export const LEGACY_METADATA_FILE = 'metadata.json';
/** Where that split is written before being renamed into place (a leftover is an interrupted one). */
export const METADATA_MIGRATION_DIR = 'metadata.migrating';
export const SECRET_FILE = 'session-secret';
export const LOCK_FILE = 'dalil.lock';
/** The running server's admin socket (Unix domain, owner only): account commands while it runs. */
export const ADMIN_SOCKET = 'admin.sock';
/** Files being written durably end in this until renamed into place. */
export const TEMP_EXT = '.tmp';
/** Section documents: `<docName>.ydoc` (compacted state) and `<docName>.ylog` (appended updates). */
export const DOCS_DIR = 'docs';
export const DOC_SNAPSHOT_EXT = '.ydoc';
export const DOC_LOG_EXT = '.ylog';

/** The document a file of DOCS_DIR belongs to, or null for anything else (temp files included). */
export function docNameOfFile(file: string): string | null {
  for (const ext of [DOC_SNAPSHOT_EXT, DOC_LOG_EXT]) if (file.endsWith(ext)) return file.slice(0, -ext.length);
  return null;
}

/** Files the server owns that are not data: its lock, its admin socket, interrupted temp files. */
export function isRuntimeFile(file: string): boolean {
  return file === LOCK_FILE || file === ADMIN_SOCKET || file === IMPORTS_DIR || file === METADATA_MIGRATION_DIR || file.endsWith(TEMP_EXT);
}
/** Approved versions: `<sectionId>/<snapshotId>.yjs` (Yjs state) and `.json` (text and layout). */
export const SNAPSHOTS_DIR = 'snapshots';
export const APPROVED_STATE_EXT = '.yjs';
export const APPROVED_VIEW_EXT = '.json';
/**
 * Imports under way: one journal per import, naming what it wrote before the metadata names it
 * (a line of JSON, then the bytes of the images it holds, if any: `importJournalFile`).
 */
export const IMPORTS_DIR = 'imports';
export const IMPORT_JOURNAL_EXT = '.json';
/**
 * Versions of whole guides: `versions/manifests/<versionId>.json` (table of contents, statuses and
 * one content hash per section) and `versions/contents/<sha256>.json` (a section's content, stored
 * once however many versions hold it).
 */
export const VERSIONS_DIR = 'versions';
export const VERSION_MANIFESTS = 'manifests';
export const VERSION_CONTENTS = 'contents';
export const VERSION_FILE_EXT = '.json';
/**
 * Guide images: `files/<sha256>.<ext>` holds each distinct image once (named by the SHA-256 of its
 * bytes), `guides/<guideId>.json` lists the images of one guide (what makes access guide-scoped).
 */
export const IMAGES_DIR = 'images';
export const IMAGE_FILES_DIR = 'files';
export const IMAGE_INDEX_DIR = 'guides';
export const IMAGE_INDEX_EXT = '.json';
const IMAGE_FILE_NAME = /^([0-9a-f]{64})\.(png|jpg|webp|gif)$/;

/** The image id (SHA-256) a file of IMAGE_FILES_DIR holds, or null for anything else. */
export function imageIdOfFile(file: string): string | null {
  return IMAGE_FILE_NAME.exec(file)?.[1] ?? null;
}
