import { isValidDocName } from '@dalil/shared';
import {
  APPROVED_STATE_EXT,
  APPROVED_VIEW_EXT,
  docNameOfFile,
  DOCS_DIR,
  IMAGE_FILES_DIR,
  IMAGE_INDEX_DIR,
  IMAGE_INDEX_EXT,
  imageIdOfFile,
  IMAGES_DIR,
  IMPORT_JOURNAL_EXT,
  IMPORTS_DIR,
  ACCOUNTS_FILE,
  METADATA_SUBDIRS,
  LEGACY_METADATA_FILE,
  METADATA_DIR,
  METADATA_FILE_EXT,
  SECRET_FILE,
  SNAPSHOTS_DIR,
  VERSION_CONTENTS,
  VERSION_FILE_EXT,
  VERSION_MANIFESTS,
  VERSIONS_DIR,
} from '../storage/dataDirLayout.ts';

/**
 * The only paths a backup may contain: the files a Dalil server writes. An allow-list rather than a
 * check for `..` and leading `/`: a restore can then never write outside the data dir, nor plant a
 * file the server would not expect (a lock, a symlink target, a dotfile).
 */
export function isArchivablePath(path: string): boolean {
  // the single metadata file of earlier versions: their archives still restore (the server migrates it)
  if (path === LEGACY_METADATA_FILE || path === SECRET_FILE) return true;
  const [dir, ...rest] = path.split('/');
  if (dir === METADATA_DIR) return isMetadataPath(rest);
  if (dir === DOCS_DIR && rest.length === 1) {
    const name = docNameOfFile(rest[0]!);
    return name !== null && isValidDocName(name);
  }
  // Approved versions (section and snapshot ids use the doc-name alphabet).
  if (dir === SNAPSHOTS_DIR && rest.length === 2) {
    const name = withoutExtension(rest[1]!, [APPROVED_STATE_EXT, APPROVED_VIEW_EXT]);
    return name !== null && isValidDocName(rest[0]!) && isValidDocName(name);
  }
  // Guide versions: manifests by version id, contents by SHA-256 (hex, also in that alphabet).
  if (dir === VERSIONS_DIR && rest.length === 2 && (rest[0] === VERSION_MANIFESTS || rest[0] === VERSION_CONTENTS)) {
    const name = withoutExtension(rest[1]!, [VERSION_FILE_EXT]);
    return name !== null && isValidDocName(name) && (rest[0] === VERSION_MANIFESTS || /^[0-9a-f]{64}$/.test(name));
  }
  if (dir === IMAGES_DIR && rest.length === 2) return isImagePath(rest[0]!, rest[1]!);
  // The journal of an import under way (its id uses the doc-name alphabet): see collectBackupFiles.
  if (dir === IMPORTS_DIR && rest.length === 1) {
    const id = withoutExtension(rest[0]!, [IMPORT_JOURNAL_EXT]);
    return id !== null && isValidDocName(id);
  }
  return false;
}

/** `accounts.json`, or a guide's or a person's file named by its id (the doc-name alphabet) in one of the metadata subdirectories. */
function isMetadataPath(rest: string[]): boolean {
  if (rest.length === 1) return rest[0] === ACCOUNTS_FILE;
  if (rest.length !== 2 || !(METADATA_SUBDIRS as readonly string[]).includes(rest[0]!)) return false;
  const id = withoutExtension(rest[1]!, [METADATA_FILE_EXT]);
  return id !== null && isValidDocName(id);
}

/** Guide images: a content-addressed file, or a guide's index (guide ids use the doc-name alphabet). */
function isImagePath(subdir: string, file: string): boolean {
  if (subdir === IMAGE_FILES_DIR) return imageIdOfFile(file) !== null;
  if (subdir === IMAGE_INDEX_DIR) {
    const guideId = withoutExtension(file, [IMAGE_INDEX_EXT]);
    return guideId !== null && isValidDocName(guideId);
  }
  return false;
}

function withoutExtension(file: string, extensions: string[]): string | null {
  const ext = extensions.find((e) => file.endsWith(e));
  return ext ? file.slice(0, -ext.length) : null;
}
