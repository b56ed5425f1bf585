import { Type } from '@sinclair/typebox';
import { IdParams } from '@dalil/shared/api/common.ts';
import { CreateGuideBody, GuideSummary, GuideView, UpdateGuideBody } from '@dalil/shared/api/guides.ts';
import { errorReplies } from '../commonSchemas.ts';

const tags = ['guides'];

export const listGuidesSchema = {
  tags,
  summary: 'Guides, most recently changed first',
  response: { 200: Type.Array(GuideSummary) },
};

export const createGuideSchema = {
  tags,
  summary: 'Create a guide',
  body: CreateGuideBody,
  response: { 201: GuideView, ...errorReplies },
};

export const getGuideSchema = {
  tags,
  summary: 'A guide with its table of contents (sections in reading order)',
  params: IdParams('guideId'),
  response: { 200: GuideView, ...errorReplies },
};

export const updateGuideSchema = {
  tags,
  summary: 'Rename a guide, change its language or its workflow setting',
  params: IdParams('guideId'),
  body: UpdateGuideBody,
  response: { 200: GuideView, ...errorReplies },
};
