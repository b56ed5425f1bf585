/** Every collaboration document name; checked before anything touches storage. */
export const DOC_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidDocName(name: string): boolean {
  return DOC_NAME_PATTERN.test(name);
}

/** The guide's room carries presence and structure-change notices, never section text. */
export const GUIDE_ROOM_PREFIX = 'guide-';

export function guideRoomName(guideId: string): string {
  return `${GUIDE_ROOM_PREFIX}${guideId}`;
}

export function guideIdFromRoomName(name: string): string | null {
  return name.startsWith(GUIDE_ROOM_PREFIX) ? name.slice(GUIDE_ROOM_PREFIX.length) : null;
}

/** The Y.XmlFragment holding a section's rich text (TipTap's default collaboration field). */
export const SECTION_FRAGMENT = 'default';
/**
 * The Y.Array of numbers in a guide room: on every table-of-contents change the server replaces its
 * content by the guide's new structure version. Clients read the maximum and refetch the guide when
 * it grows. An array (not a map key) because a client that outlives a server restart merges the old
 * room's entries with the new one's: with a maximum over an array that merge is harmless, with a map
 * key the stale value could win.
 */
export const GUIDE_ROOM_VERSIONS = 'structureVersions';

/**
 * The Y.Array of numbers in a guide room announcing comment-thread changes (new thread, reply,
 * resolution, detachment): clients refetch the guide's threads when it grows. An array for the same
 * reason as the structure versions.
 */
export const GUIDE_ROOM_THREADS = 'threadVersions';

/**
 * The Y.Array of numbers in a guide room announcing that section contents settled with new word
 * counts or a later last edit: tables of contents and the progress page refetch when it grows.
 */
export const GUIDE_ROOM_CONTENT = 'contentVersions';

/** The Y.Array of numbers in a guide room announcing that suggestions were made, accepted or rejected. */
export const GUIDE_ROOM_SUGGESTIONS = 'suggestionVersions';
