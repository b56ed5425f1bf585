import type { GuideProgressView, SectionStatus, SectionWorkflowView, TransitionResult } from '@dalil/shared';
import { requestJson } from './http.ts';

const section = (guideId: string, sectionId: string): string =>
  `/api/guides/${encodeURIComponent(guideId)}/sections/${encodeURIComponent(sectionId)}`;

export const getSectionWorkflow = (guideId: string, sectionId: string): Promise<SectionWorkflowView> =>
  requestJson('GET', `${section(guideId, sectionId)}/workflow`);

export const transitionSection = (guideId: string, sectionId: string, to: SectionStatus, note?: string): Promise<TransitionResult> =>
  requestJson('POST', `${section(guideId, sectionId)}/transitions`, note ? { to, note } : { to });

export const getProgress = (guideId: string): Promise<GuideProgressView> =>
  requestJson('GET', `/api/guides/${encodeURIComponent(guideId)}/progress`);
