import {
  CompareQuery,
  Comparison,
  ContentQuery,
  CreateVersionBody,
  GuideParams,
  RestoreParams,
  RestoreResult,
  SectionContents,
  VersionList,
  VersionParams,
  VersionSummary,
  VersionView,
} from '@dalil/shared/api/versions';
import { errorReplies } from '../commonSchemas.ts';

const tags = ['versions'];

export const createVersionSchema = {
  tags,
  summary: 'Freeze the whole guide into a version (coordinator); a final version needs every section validated (409 lists the others)',
  params: GuideParams,
  body: CreateVersionBody,
  response: { 201: VersionSummary, ...errorReplies },
};

export const listVersionsSchema = {
  tags,
  summary: 'The guide’s versions, newest first',
  params: GuideParams,
  response: { 200: VersionList, ...errorReplies },
};

export const readVersionSchema = {
  tags,
  summary: 'A version’s table of contents with each section’s state at that time',
  params: VersionParams,
  response: { 200: VersionView, ...errorReplies },
};

export const versionContentSchema = {
  tags,
  summary: 'The content of some sections in a version, or in the guide now with versionId "current" (ProseMirror JSON)',
  params: VersionParams,
  querystring: ContentQuery,
  response: { 200: SectionContents, ...errorReplies },
};

export const compareSchema = {
  tags,
  summary: 'Compare two versions, or a version with the guide now ("current"), section by section',
  params: GuideParams,
  querystring: CompareQuery,
  response: { 200: Comparison, ...errorReplies },
};

export const restoreSchema = {
  tags,
  summary: 'Bring a section’s text back as it was in a version, as a new edit every open editor receives (coordinator; not on a validated section)',
  params: RestoreParams,
  response: { 200: RestoreResult, ...errorReplies },
};
