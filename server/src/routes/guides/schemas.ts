import { GUIDE_LANGUAGES } from '@dalil/shared';
import { errorReplies, idParams, titleSchema } from '../commonSchemas.ts';

const guideParams = idParams('guideId');
export const listGuidesSchema = {
  tags: ['guides'],
  summary: 'Guides, most recently changed first',
  response: { 200: { type: 'array', items: { $ref: 'GuideSummary#' } } },
};

export const createGuideSchema = {
  tags: ['guides'],
  summary: 'Create a guide',
  body: {
    type: 'object',
    additionalProperties: false,
    properties: { title: titleSchema, language: { type: 'string', enum: [...GUIDE_LANGUAGES] } },
    required: ['title', 'language'],
  },
  response: { 201: { $ref: 'GuideView#' }, ...errorReplies },
};

export const getGuideSchema = {
  tags: ['guides'],
  summary: 'A guide with its table of contents (sections in reading order)',
  params: guideParams,
  response: { 200: { $ref: 'GuideView#' }, ...errorReplies },
};

export const updateGuideSchema = {
  tags: ['guides'],
  summary: 'Rename a guide, change its language or its workflow setting',
  params: guideParams,
  body: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      title: titleSchema,
      language: { type: 'string', enum: [...GUIDE_LANGUAGES] },
      requireResolvedThreads: { type: 'boolean' },
      numbering: {
        type: 'object',
        additionalProperties: false,
        properties: { enabled: { type: 'boolean' }, unnumberedSectionIds: { type: 'array', maxItems: 1000, items: { type: 'string', maxLength: 100 } } },
        required: ['enabled', 'unnumberedSectionIds'],
      },
    },
  },
  response: { 200: { $ref: 'GuideView#' }, ...errorReplies },
};
