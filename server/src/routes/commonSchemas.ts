/** JSON schemas shared by several resources; registered once with `addSchema` and referenced by $id. */
export const idPattern = '^[A-Za-z0-9_-]{1,64}$';

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
  required: ['error', 'message'],
} as const;

export const sectionViewSchema = {
  $id: 'SectionView',
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    parentId: { type: ['string', 'null'] },
    position: { type: 'integer' },
    status: { type: 'string', enum: ['draft', 'review', 'validated'] },
    docName: { type: 'string' },
    updatedAt: { type: 'string' },
  },
  required: ['id', 'title', 'parentId', 'position', 'status', 'docName', 'updatedAt'],
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
    language: { type: 'string', enum: ['fr', 'ar', 'en'] },
    roomName: { type: 'string' },
    structureVersion: { type: 'integer' },
    sections: { type: 'array', items: { $ref: 'SectionView#' } },
  },
  required: ['id', 'title', 'language', 'roomName', 'structureVersion', 'sections'],
} as const;

export const guideSummarySchema = {
  $id: 'GuideSummary',
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    language: { type: 'string', enum: ['fr', 'ar', 'en'] },
    sectionCount: { type: 'integer' },
    updatedAt: { type: 'string' },
  },
  required: ['id', 'title', 'language', 'sectionCount', 'updatedAt'],
} as const;

export const sharedSchemas = [errorSchema, sectionViewSchema, trashedSectionViewSchema, guideViewSchema, guideSummarySchema];

export const errorReplies = {
  400: { $ref: 'Error#' },
  404: { $ref: 'Error#' },
  409: { $ref: 'Error#' },
} as const;

export const titleSchema = { type: 'string', minLength: 1, maxLength: 300 } as const;
