import { dueDateSchema, errorReplies, idParams, idPattern, titleSchema } from '../commonSchemas.ts';

const guideParams = idParams('guideId');
const sectionParams = idParams('guideId', 'sectionId');
const parentId = { anyOf: [{ type: 'string', pattern: idPattern }, { type: 'null' }] } as const;
const position = { type: 'integer', minimum: 0, maximum: 100000 } as const;

export const createSectionSchema = {
  tags: ['sections'],
  summary: 'Add a section (a chapter when parentId is null or absent)',
  params: guideParams,
  body: {
    type: 'object',
    additionalProperties: false,
    properties: { title: titleSchema, parentId, position },
    required: ['title'],
  },
  response: { 201: { $ref: 'SectionView#' }, ...errorReplies },
};

export const updateSectionSchema = {
  tags: ['sections'],
  summary: 'Rename or move a section (structure), or assign its authors, reviewers and due date',
  params: sectionParams,
  body: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      title: titleSchema,
      parentId,
      position,
      authorIds: { type: 'array', maxItems: 50, items: { type: 'string', pattern: idPattern } },
      reviewerIds: { type: 'array', maxItems: 50, items: { type: 'string', pattern: idPattern } },
      dueDate: dueDateSchema,
    },
  },
  response: { 200: { $ref: 'SectionView#' }, ...errorReplies },
};

export const deleteSectionSchema = {
  tags: ['sections'],
  summary: 'Move a section and its sub-sections to the trash',
  params: sectionParams,
  response: { 204: { type: 'null' }, ...errorReplies },
};

export const restoreSectionSchema = {
  tags: ['sections'],
  summary: 'Bring a section back from the trash, with the sub-sections trashed with it',
  params: sectionParams,
  response: { 200: { $ref: 'SectionView#' }, ...errorReplies },
};

export const listTrashSchema = {
  tags: ['sections'],
  summary: 'Sections in the trash, most recently deleted first',
  params: guideParams,
  response: { 200: { type: 'array', items: { $ref: 'TrashedSectionView#' } }, ...errorReplies },
};
