/** The plain facts of versions, apart from their TypeBox schemas (`versions.ts`) so the browser can use them without bundling TypeBox. */

export const VERSION_KINDS = ['provisional', 'final'] as const;

export type VersionKind = (typeof VERSION_KINDS)[number];

export const MAX_VERSION_LABEL_LENGTH = 120;

export const MAX_VERSION_NOTE_LENGTH = 2000;

/** What compare and the reading view ask for in place of a version id: the guide as it is now. */
export const CURRENT_VERSION = 'current';

/** Sections whose content one request may ask for (the reading view asks in batches). */
export const MAX_CONTENT_BATCH = 50;
