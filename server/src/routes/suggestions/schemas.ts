import { Type } from '@sinclair/typebox';
import {
  CreateSuggestionBody,
  DecideAllBody,
  DecideAllReply,
  ListSuggestionsQuery,
  PostSuggestionMessageBody,
  SectionSuggestionsParams,
  SuggestionCounts,
  SuggestionParams,
  SuggestionView,
} from '@dalil/shared/api/suggestions.ts';
import { errorReplies } from '../commonSchemas.ts';

const tags = ['suggestions'];

export const suggestionCountsSchema = {
  tags,
  summary: 'Open suggestions per section of a guide (for the table of contents)',
  params: Type.Object({ guideId: SectionSuggestionsParams.properties.guideId }),
  response: { 200: SuggestionCounts, ...errorReplies },
};

export const listSuggestionsSchema = {
  tags,
  summary: 'Open suggestions of a section, oldest first (with ?status=decided: the decided ones, most recent first)',
  params: SectionSuggestionsParams,
  querystring: ListSuggestionsQuery,
  response: { 200: Type.Array(SuggestionView), ...errorReplies },
};

export const createSuggestionSchema = {
  tags,
  summary: 'Suggest a change (deletion between two Yjs relative positions, text or a box inserted at one, a mark added or removed between two); the text does not change',
  params: SectionSuggestionsParams,
  body: CreateSuggestionBody,
  response: { 201: SuggestionView, ...errorReplies },
};

export const decideSuggestionSchema = (decision: 'accept' | 'reject') => ({
  tags,
  summary: decision === 'accept' ? 'Accept a suggestion: the server writes it into the text' : 'Reject (or, for its author, withdraw) a suggestion',
  params: SuggestionParams,
  response: { 200: SuggestionView, ...errorReplies },
});

export const decideAllSchema = (decision: 'accept' | 'reject') => ({
  tags,
  summary: `${decision === 'accept' ? 'Accept' : 'Reject'} every open suggestion of one person in a section`,
  params: SectionSuggestionsParams,
  body: DecideAllBody,
  response: { 200: DecideAllReply, ...errorReplies },
});

export const getSuggestionSchema = {
  tags,
  summary: 'One suggestion, open or decided, with its discussion',
  params: SuggestionParams,
  response: { 200: SuggestionView, ...errorReplies },
};

export const discussSuggestionSchema = {
  tags,
  summary: 'Add a message to an open suggestion\'s discussion (the suggester and earlier participants are notified, mentions as in comments)',
  params: SuggestionParams,
  body: PostSuggestionMessageBody,
  response: { 201: SuggestionView, ...errorReplies },
};
