import type { GuideProgressView, SectionStatus, SectionWorkflowView, TransitionName, TransitionResult } from '@dalil/shared';
import { requestJson } from './http.ts';

const section = (guideId: string, sectionId: string): string =>
  `/api/guides/${encodeURIComponent(guideId)}/sections/${encodeURIComponent(sectionId)}`;

export const getSectionWorkflow = (guideId: string, sectionId: string): Promise<SectionWorkflowView> =>
  requestJson('GET', `${section(guideId, sectionId)}/workflow`);

/** `transition` names the one meant (two lead from review to draft: requestChanges and withdraw). */
export const transitionSection = (guideId: string, sectionId: string, transition: TransitionName, to: SectionStatus, note?: string): Promise<TransitionResult> =>
  requestJson('POST', `${section(guideId, sectionId)}/transitions`, note ? { to, transition, note } : { to, transition });

export const getProgress = (guideId: string): Promise<GuideProgressView> =>
  requestJson('GET', `/api/guides/${encodeURIComponent(guideId)}/progress`);
