import type { CreateSuggestionBody, DecideAllReply, PostSuggestionMessageBody, SuggestionCounts, SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { requestJson } from './http.ts';

const path = (guideId: string, sectionId: string): string => `/api/guides/${encodeURIComponent(guideId)}/sections/${encodeURIComponent(sectionId)}/suggestions`;

export const listSuggestions = (guideId: string, sectionId: string): Promise<SuggestionView[]> => requestJson('GET', path(guideId, sectionId));

/** Decided suggestions of a section, most recent first, with their discussions. */
export const listDecidedSuggestions = (guideId: string, sectionId: string): Promise<SuggestionView[]> => requestJson('GET', `${path(guideId, sectionId)}?status=decided`);

export const createSuggestion = (guideId: string, sectionId: string, body: CreateSuggestionBody): Promise<SuggestionView> =>
  requestJson('POST', path(guideId, sectionId), body);

export const decideSuggestion = (guideId: string, sectionId: string, suggestionId: string, decision: 'accept' | 'reject'): Promise<SuggestionView> =>
  requestJson('POST', `${path(guideId, sectionId)}/${encodeURIComponent(suggestionId)}/${decision}`);

export const decideAllSuggestions = (guideId: string, sectionId: string, authorId: string, decision: 'accept' | 'reject'): Promise<DecideAllReply> =>
  requestJson('POST', `${path(guideId, sectionId)}/${decision}-all`, { authorId });

export const suggestionCounts = (guideId: string): Promise<SuggestionCounts> => requestJson('GET', `/api/guides/${encodeURIComponent(guideId)}/suggestion-counts`);

export const discussSuggestion = (guideId: string, sectionId: string, suggestionId: string, body: PostSuggestionMessageBody): Promise<SuggestionView> =>
  requestJson('POST', `${path(guideId, sectionId)}/${encodeURIComponent(suggestionId)}/messages`, body);
