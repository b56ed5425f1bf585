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
/** The Y.Map in a guide room that carries `structureVersion`. */
export const GUIDE_ROOM_MAP = 'guide';
