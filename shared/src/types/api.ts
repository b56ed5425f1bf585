import type { GuideLanguage, SectionStatus } from './domain.ts';

/** A section as the API shows it, in table-of-contents order. */
export interface SectionView {
  id: string;
  title: string;
  parentId: string | null;
  position: number;
  status: SectionStatus;
  docName: string;
  updatedAt: string;
}

export interface GuideSummary {
  id: string;
  title: string;
  language: GuideLanguage;
  sectionCount: number;
  updatedAt: string;
}

export interface GuideView {
  id: string;
  title: string;
  language: GuideLanguage;
  /** Name of the guide's own room on /collab: presence and live structure changes. */
  roomName: string;
  /** Bumped on every structure change; clients refetch when the room reports a newer one. */
  structureVersion: number;
  sections: SectionView[];
}

export interface TrashedSectionView extends SectionView {
  deletedAt: string;
  deletionId: string;
}

export interface CreateGuideBody {
  title: string;
  language: GuideLanguage;
}

export interface UpdateGuideBody {
  title?: string;
  language?: GuideLanguage;
}

export interface CreateSectionBody {
  title: string;
  parentId?: string | null;
  position?: number;
}

export interface UpdateSectionBody {
  title?: string;
  parentId?: string | null;
  position?: number;
}

export interface ApiError {
  error: string;
  message: string;
}
