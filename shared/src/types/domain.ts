/** Languages a guide (and the UI) can be written in. */
export const GUIDE_LANGUAGES = ['fr', 'ar', 'en'] as const;
export type GuideLanguage = (typeof GUIDE_LANGUAGES)[number];

/** Workflow state of one section; the workflow issue adds the transitions. */
export const SECTION_STATUSES = ['draft', 'review', 'validated'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

export interface Guide {
  id: string;
  title: string;
  language: GuideLanguage;
  /** Bumped on every table-of-contents change, so live clients know to refetch. */
  structureVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface Section {
  id: string;
  guideId: string;
  title: string;
  /** null for a top-level chapter. */
  parentId: string | null;
  /** Index among its siblings, 0-based and dense. */
  position: number;
  status: SectionStatus;
  /** Name of the section's Y.Doc on the collaboration endpoint. */
  docName: string;
  createdAt: string;
  updatedAt: string;
  /** Set when the section is in the trash. */
  deletedAt: string | null;
  /** Sections trashed together share this id, so a restore brings the subtree back as it was. */
  deletionId: string | null;
}
