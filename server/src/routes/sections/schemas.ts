import { Type } from '@sinclair/typebox';
import { IdParams } from '@dalil/shared/api/common.ts';
import { CreateSectionBody, SectionParams, SectionView, TrashedSectionView, UpdateSectionBody } from '@dalil/shared/api/sections.ts';
import { errorReplies } from '../commonSchemas.ts';

const tags = ['sections'];

export const createSectionSchema = {
  tags,
  summary: 'Add a section (a chapter when parentId is null or absent)',
  params: IdParams('guideId'),
  body: CreateSectionBody,
  response: { 201: SectionView, ...errorReplies },
};

export const updateSectionSchema = {
  tags,
  summary: 'Rename or move a section (structure), or assign its authors, reviewers and due date',
  params: SectionParams,
  body: UpdateSectionBody,
  response: { 200: SectionView, ...errorReplies },
};

export const deleteSectionSchema = {
  tags,
  summary: 'Move a section and its sub-sections to the trash',
  params: SectionParams,
  response: { 204: { type: 'null' }, ...errorReplies },
};

export const restoreSectionSchema = {
  tags,
  summary: 'Bring a section back from the trash, with the sub-sections trashed with it',
  params: SectionParams,
  response: { 200: SectionView, ...errorReplies },
};

export const listTrashSchema = {
  tags,
  summary: 'Sections in the trash, most recently deleted first',
  params: IdParams('guideId'),
  response: { 200: Type.Array(TrashedSectionView), ...errorReplies },
};

export const readSectionStateSchema = {
  tags,
  summary: "A section's text as one Yjs update (binary, as its socket would send it)",
  description:
    'What a page opening the section applies before its socket syncs, so the text shows without waiting for the socket. ' +
    'Anyone who may read the guide; application/octet-stream, compressed when the client accepts it.',
  params: SectionParams,
  response: { 200: Type.Any({ description: 'the Yjs update (encodeStateAsUpdate, v1)' }), ...errorReplies },
};
