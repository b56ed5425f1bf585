import { isValidDocName } from '@dalil/shared';

export const METADATA_FILE = 'metadata.json';
export const SECRET_FILE = 'session-secret';
export const DOCS_DIR = 'docs';
export const DOC_FILE_EXTENSIONS = ['.ydoc', '.ylog'] as const;

/**
 * The only paths a backup may contain: the files a Dalil server writes. An allow-list rather than a
 * check for `..` and leading `/`: a restore can then never write outside the data dir, nor plant a
 * file the server would not expect (a lock, a symlink target, a dotfile).
 */
export function isArchivablePath(path: string): boolean {
  if (path === METADATA_FILE || path === SECRET_FILE) return true;
  const match = /^docs\/([^/]+)(\.ydoc|\.ylog)$/.exec(path);
  return match !== null && isValidDocName(match[1]!);
}
