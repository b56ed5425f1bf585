import { DOC_NAME_PATTERN, GUIDE_LANGUAGES, GUIDE_ROLES, SECTION_STATUSES } from '@dalil/shared';
import { ApiErrorSchema } from '@dalil/shared/api/common.ts';

/** JSON schemas shared by several resources; registered once with `addSchema` and referenced by $id. */
// Ids and document names are the same kind of token (a section's docName is its id).
export const idPattern = DOC_NAME_PATTERN.source;

export const roleSchema = { type: 'string', enum: [...GUIDE_ROLES] } as const;
export const sectionStatusSchema = { type: 'string', enum: [...SECTION_STATUSES] } as const;

/** Route params made of ids, each checked against `idPattern` (no path traversal, no oversized keys). */
export function idParams<K extends string>(...names: K[]) {
  return {
    type: 'object',
    properties: Object.fromEntries(names.map((n) => [n, { type: 'string', pattern: idPattern }])) as Record<K, { type: 'string'; pattern: string }>,
    required: names,
  } as const;
}

/** The refusal shape, defined once in shared (the admin socket uses it too). */
export const errorSchema = ApiErrorSchema;

export const sectionViewSchema = {
  $id: 'SectionView',
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    parentId: { type: ['string', 'null'] },
    position: { type: 'integer' },
    status: sectionStatusSchema,
    docName: { type: 'string' },
    updatedAt: { type: 'string' },
    authorIds: { type: 'array', items: { type: 'string' } },
    reviewerIds: { type: 'array', items: { type: 'string' } },
    wordCount: { type: 'integer' },
    numbered: {
      type: 'object',
      properties: { figure: { type: 'integer' }, table: { type: 'integer' }, footnote: { type: 'integer' } },
      required: ['figure', 'table', 'footnote'],
    },
    dueDate: { type: ['string', 'null'] },
  },
  required: ['id', 'title', 'parentId', 'position', 'status', 'docName', 'updatedAt', 'authorIds', 'reviewerIds', 'wordCount', 'dueDate'],
} as const;

export const trashedSectionViewSchema = {
  $id: 'TrashedSectionView',
  type: 'object',
  properties: {
    ...sectionViewSchema.properties,
    deletedAt: { type: 'string' },
    deletionId: { type: 'string' },
  },
  required: [...sectionViewSchema.required, 'deletedAt', 'deletionId'],
} as const;

export const guideViewSchema = {
  $id: 'GuideView',
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    language: { type: 'string', enum: [...GUIDE_LANGUAGES] },
    roomName: { type: 'string' },
    structureVersion: { type: 'integer' },
    requireResolvedThreads: { type: 'boolean' },
    numbering: {
      type: 'object',
      additionalProperties: false,
      properties: { enabled: { type: 'boolean' }, unnumberedSectionIds: { type: 'array', maxItems: 1000, items: { type: 'string', maxLength: 100 } } },
      required: ['enabled', 'unnumberedSectionIds'],
    },
    sections: { type: 'array', items: { $ref: 'SectionView#' } },
    role: roleSchema,
    permissions: { type: 'array', items: { type: 'string' } },
  },
  required: ['id', 'title', 'language', 'roomName', 'structureVersion', 'requireResolvedThreads', 'numbering', 'sections', 'role', 'permissions'],
} as const;

export const guideSummarySchema = {
  $id: 'GuideSummary',
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    language: { type: 'string', enum: [...GUIDE_LANGUAGES] },
    sectionCount: { type: 'integer' },
    openThreads: { type: 'integer' },
    updatedAt: { type: 'string' },
    role: roleSchema,
  },
  required: ['id', 'title', 'language', 'sectionCount', 'openThreads', 'updatedAt', 'role'],
} as const;

export const userViewSchema = {
  $id: 'UserView',
  type: 'object',
  properties: { id: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } },
  required: ['id', 'email', 'name'],
} as const;


export const sharedSchemas = [
  errorSchema,
  sectionViewSchema,
  trashedSectionViewSchema,
  guideViewSchema,
  guideSummarySchema,
  userViewSchema,
];

export const errorReplies = {
  400: { $ref: 'Error#' },
  401: { $ref: 'Error#' },
  403: { $ref: 'Error#' },
  404: { $ref: 'Error#' },
  409: { $ref: 'Error#' },
} as const;

export const dueDateSchema = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export const titleSchema = { type: 'string', minLength: 1, maxLength: 300 } as const;
