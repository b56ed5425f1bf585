import { Type, type Static } from '@sinclair/typebox';
export * from './importRules.ts';
import { IMPORT_SPLIT_LEVELS, DEFAULT_IMPORT_SPLIT_LEVEL, IMPORT_WARNING_CODES, IMPORT_REFUSALS } from './importRules.ts';

export const ImportWarning = Type.Object(
  {
    code: Type.Union(IMPORT_WARNING_CODES.map((c) => Type.Literal(c))),
    count: Type.Integer({ minimum: 1 }),
    /** A few examples (style names, file names), never the document's text. */
    examples: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 5 }),
  },
  { $id: 'ImportWarning', additionalProperties: false },
);
export type ImportWarning = Static<typeof ImportWarning>;

export const ImportSectionPreview = Type.Object(
  {
    title: Type.String(),
    /** 0: top-level section (chapter), 1: its sub-section, ... */
    depth: Type.Integer({ minimum: 0, maximum: 3 }),
    /** True for the text that came before the first heading. */
    introduction: Type.Boolean(),
    words: Type.Integer({ minimum: 0 }),
    tables: Type.Integer({ minimum: 0 }),
    images: Type.Integer({ minimum: 0 }),
    footnotes: Type.Integer({ minimum: 0 }),
    boxes: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type ImportSectionPreview = Static<typeof ImportSectionPreview>;

export const ImportPreview = Type.Object(
  {
    title: Type.String(),
    language: Type.Union([Type.Literal('fr'), Type.Literal('ar'), Type.Literal('en')]),
    splitLevel: Type.Integer({ minimum: 1, maximum: 3 }),
    sections: Type.Array(ImportSectionPreview),
    warnings: Type.Array(ImportWarning),
  },
  { $id: 'ImportPreview', additionalProperties: false },
);
export type ImportPreview = Static<typeof ImportPreview>;

/** Multipart text fields beside the file (multipart fields are strings). */
export const ImportOptionsFields = Type.Object({
  splitLevel: Type.Optional(Type.Union(IMPORT_SPLIT_LEVELS.map((l) => Type.Literal(String(l))))),
  split: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
});

export const ImportedGuide = Type.Object(
  {
    guideId: Type.String(),
    title: Type.String(),
    sectionCount: Type.Integer({ minimum: 0 }),
    warnings: Type.Array(ImportWarning),
  },
  { $id: 'ImportedGuide', additionalProperties: false },
);
export type ImportedGuide = Static<typeof ImportedGuide>;

export const ImportedIntoSection = Type.Object(
  {
    sectionId: Type.String(),
    /** Blocks appended to the section itself. */
    blocks: Type.Integer({ minimum: 0 }),
    /** Sub-sections created from the file's headings (split=true). */
    createdSections: Type.Array(Type.Object({ id: Type.String(), title: Type.String() }, { additionalProperties: false })),
    warnings: Type.Array(ImportWarning),
  },
  { $id: 'ImportedIntoSection', additionalProperties: false },
);
export type ImportedIntoSection = Static<typeof ImportedIntoSection>;

