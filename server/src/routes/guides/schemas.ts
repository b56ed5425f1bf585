import { Type } from '@sinclair/typebox';
import { IdParams } from '@dalil/shared/api/common.ts';
import { CreateGuideBody, GuideSummary, GuideView, TrashedGuideReply, UpdateGuideBody } from '@dalil/shared/api/guides.ts';
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
  summary: 'Rename a guide, change its language, numbering or workflow setting',
  params: IdParams('guideId'),
  body: UpdateGuideBody,
  response: { 200: GuideView, ...errorReplies },
};

export const archiveGuideSchema = {
  tags,
  summary: 'Archive a guide: read-only for everyone and listed apart, until restored',
  params: IdParams('guideId'),
  response: { 200: GuideView, ...errorReplies },
};

export const unarchiveGuideSchema = {
  tags,
  summary: 'Bring an archived guide back into use',
  params: IdParams('guideId'),
  response: { 200: GuideView, ...errorReplies },
};

export const trashGuideSchema = {
  tags,
  summary: 'Put a guide in the trash: gone for its members, restorable by its coordinators until purgeAt',
  params: IdParams('guideId'),
  response: { 200: TrashedGuideReply, ...errorReplies },
};

export const restoreGuideSchema = {
  tags,
  summary: 'Take a guide out of the trash',
  params: IdParams('guideId'),
  response: { 200: GuideView, ...errorReplies },
};
