import type { CreateGuideBody, GuideSummary, GuideView, TrashedGuideReply, UpdateGuideBody } from '@dalil/shared';
import { requestJson } from './http.ts';
import { keptReply } from './offlineCopies.ts';

const base = (guideId: string): string => `/api/guides/${encodeURIComponent(guideId)}`;

export const listGuides = (): Promise<GuideSummary[]> => requestJson('GET', '/api/guides');

export const createGuide = (body: CreateGuideBody): Promise<GuideView> =>
  requestJson('POST', '/api/guides', body);

export const getGuide = (guideId: string): Promise<GuideView> => requestJson('GET', base(guideId));

/** The guide as this browser last received it (see offlineCopies.ts). */
export const keptGuide = (guideId: string): Promise<GuideView | undefined> => keptReply(base(guideId));

export const updateGuide = (guideId: string, body: UpdateGuideBody): Promise<GuideView> =>
  requestJson('PATCH', base(guideId), body);

/** Archives the guide (read-only for everyone) or, with `archived` false, brings it back. */
export const setGuideArchived = (guideId: string, archived: boolean): Promise<GuideView> =>
  requestJson(archived ? 'POST' : 'DELETE', `${base(guideId)}/archive`);

/** Moves the guide to the trash (restorable until `purgeAt`). */
export const trashGuide = (guideId: string): Promise<TrashedGuideReply> => requestJson('DELETE', base(guideId));

export const restoreGuide = (guideId: string): Promise<GuideView> => requestJson('POST', `${base(guideId)}/restore`);
