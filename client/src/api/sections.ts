import type {
  CreateSectionBody,
  SectionView,
  TrashedSectionView,
  UpdateSectionBody,
} from '@dalil/shared';
import { requestBytes, requestJson, takePreloaded } from './http.ts';

const sections = (guideId: string): string => `/api/guides/${encodeURIComponent(guideId)}/sections`;
const section = (guideId: string, sectionId: string): string =>
  `${sections(guideId)}/${encodeURIComponent(sectionId)}`;

export const createSection = (guideId: string, body: CreateSectionBody): Promise<SectionView> =>
  requestJson('POST', sections(guideId), body);

/** Rename and/or move: `position` is the target index among the new siblings. */
export const updateSection = (
  guideId: string,
  sectionId: string,
  body: UpdateSectionBody,
): Promise<SectionView> => requestJson('PATCH', section(guideId, sectionId), body);

/** Moves the section and its subtree to the trash. */
export const trashSection = (guideId: string, sectionId: string): Promise<void> =>
  requestJson('DELETE', section(guideId, sectionId));

export const listTrash = (guideId: string): Promise<TrashedSectionView[]> =>
  requestJson('GET', `/api/guides/${encodeURIComponent(guideId)}/trash`);

export const restoreSection = (guideId: string, sectionId: string): Promise<SectionView> =>
  requestJson('POST', `${section(guideId, sectionId)}/restore`);

const sectionState = (guideId: string, sectionId: string): string => `${section(guideId, sectionId)}/state`;

/** The section's text as one Yjs update (what its socket would send on a first sync). */
export const getSectionState = (guideId: string, sectionId: string): Promise<Uint8Array> => requestBytes(sectionState(guideId, sectionId));

/**
 * The section's state if this page load already asked for it (a deep link, see preloadRoute.ts);
 * otherwise nothing: opening a section within the app leaves the text to the socket alone.
 */
export const preloadedSectionState = (guideId: string, sectionId: string): Promise<Uint8Array> | undefined =>
  takePreloaded(sectionState(guideId, sectionId));
