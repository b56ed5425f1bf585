import type { CreateGuideBody, GuideSummary, GuideView, UpdateGuideBody } from '@dalil/shared';
import { requestJson } from './http.ts';

const base = (guideId: string): string => `/api/guides/${encodeURIComponent(guideId)}`;

export const listGuides = (): Promise<GuideSummary[]> => requestJson('GET', '/api/guides');

export const createGuide = (body: CreateGuideBody): Promise<GuideView> =>
  requestJson('POST', '/api/guides', body);

export const getGuide = (guideId: string): Promise<GuideView> => requestJson('GET', base(guideId));

export const updateGuide = (guideId: string, body: UpdateGuideBody): Promise<GuideView> =>
  requestJson('PATCH', base(guideId), body);
