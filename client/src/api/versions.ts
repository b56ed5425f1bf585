import type { Comparison, CreateVersionBody, RestoreResult, SectionContents, VersionList, VersionSummary, VersionView } from '@dalil/shared/api/versions';
import { requestJson } from './http.ts';

const base = (guideId: string): string => `/api/guides/${encodeURIComponent(guideId)}/versions`;

export const listVersions = (guideId: string): Promise<VersionList> => requestJson('GET', base(guideId));

export const createVersion = (guideId: string, body: CreateVersionBody): Promise<VersionSummary> => requestJson('POST', base(guideId), body);

export const getVersion = (guideId: string, versionId: string): Promise<VersionView> =>
  requestJson('GET', `${base(guideId)}/${encodeURIComponent(versionId)}`);

/** Content of some sections in a version, or in the guide now (`current`). */
export const getSectionContents = (guideId: string, versionId: string, ids: string[]): Promise<SectionContents> =>
  requestJson('GET', `${base(guideId)}/${encodeURIComponent(versionId)}/content?ids=${ids.map(encodeURIComponent).join(',')}`);

export const compareVersions = (guideId: string, from: string, to: string): Promise<Comparison> =>
  requestJson('GET', `${base(guideId)}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);

export const restoreSection = (guideId: string, versionId: string, sectionId: string): Promise<RestoreResult> =>
  requestJson('POST', `${base(guideId)}/${encodeURIComponent(versionId)}/sections/${encodeURIComponent(sectionId)}/restore`);
