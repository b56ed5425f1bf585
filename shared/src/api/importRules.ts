/** The plain facts of Word import, apart from its TypeBox schemas (`import.ts`) so the browser can use them without bundling TypeBox. */

/** Deepest heading level that still starts a section when a Word file is split (1: chapters only). */
export const IMPORT_SPLIT_LEVELS = [1, 2, 3] as const;

export const DEFAULT_IMPORT_SPLIT_LEVEL = 2;

/**
 * What an import dropped or approximated, as a code the client words in the reader's language
 * (i18n namespace `import.warnings`), with how many times it happened.
 */
export const IMPORT_WARNING_CODES = [
  'textBoxes',
  'vectorImages',
  'comments',
  'trackedChanges',
  'equations',
  'charts',
  'imageRefused',
  'externalImages',
  'unsafeLinks',
  'unknownStyles',
  'wordContents',
  'headingNumbers',
  'emptyHeadings',
  'deepHeadings',
  'nestedBoxes',
  'other',
] as const;

export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number];

/** Refusal codes of the import routes, each with its own message in the client. */
export const IMPORT_REFUSALS = [
  'import_no_file',
  'import_empty',
  'import_too_large',
  'import_not_docx',
  'import_legacy_doc',
  'import_encrypted',
  'import_damaged',
  'import_too_big_uncompressed',
  'import_unsafe_xml',
  'import_no_content',
] as const;

export type ImportRefusal = (typeof IMPORT_REFUSALS)[number];
