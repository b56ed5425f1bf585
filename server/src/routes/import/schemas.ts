import { Type } from '@sinclair/typebox';
import { ImportedGuide, ImportedIntoSection, ImportPreview, IMPORT_SPLIT_LEVELS } from '@dalil/shared/api/import.ts';
import { errorReplies, idParams } from '../commonSchemas.ts';

/** Options travel in the query string: multipart fields after the file would arrive too late. */
const splitLevel = Type.Optional(Type.Union(IMPORT_SPLIT_LEVELS.map((l) => Type.Literal(String(l)))));
const importErrors = { ...errorReplies, 413: { $ref: 'Error#' }, 415: { $ref: 'Error#' }, 422: { $ref: 'Error#' } };
const consumes = ['multipart/form-data'];

export const importWireSchemas = [ImportPreview, ImportedGuide, ImportedIntoSection];

export const previewImportSchema = {
  tags: ['import'],
  summary: 'What importing a Word file (.docx, multipart field "file") would create: title, table of contents, counts, warnings',
  consumes,
  querystring: Type.Object({ splitLevel }, { additionalProperties: false }),
  response: { 200: Type.Ref(ImportPreview), ...importErrors },
};

export const importGuideSchema = {
  tags: ['import'],
  summary: 'Create a guide from a Word file, all or nothing; the caller becomes its coordinator',
  consumes,
  querystring: Type.Object({ splitLevel }, { additionalProperties: false }),
  response: { 201: Type.Ref(ImportedGuide), ...importErrors },
};

export const importIntoSectionSchema = {
  tags: ['import'],
  summary: "Append a Word file to a section as one live edit; split=true turns its headings into sub-sections",
  consumes,
  params: idParams('guideId', 'sectionId'),
  querystring: Type.Object({ splitLevel, split: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) }, { additionalProperties: false }),
  response: { 200: Type.Ref(ImportedIntoSection), ...importErrors },
};
