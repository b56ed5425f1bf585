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
  /** Members assigned to write this section (authors) and to review it (reviewers). */
  authorIds: string[];
  reviewerIds: string[];
  /** Words in the section as last saved on the server (counted when its document settles). */
  wordCount: number;
}

export interface User {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  name: string;
  /** scrypt parameters, salt and key, encoded by the server's password module. */
  passwordHash: string;
  createdAt: string;
}

export interface Session {
  /** SHA-256 of the cookie token: a leaked metadata file does not leak usable sessions. */
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface Membership {
  guideId: string;
  userId: string;
  role: import('../permissions/roles.ts').GuideRole;
  createdAt: string;
}

export interface Invitation {
  id: string;
  guideId: string;
  role: import('../permissions/roles.ts').GuideRole;
  /** SHA-256 of the token carried by the link. */
  tokenHash: string;
  multiUse: boolean;
  expiresAt: string;
  revokedAt: string | null;
  uses: number;
  createdBy: string;
  createdAt: string;
}
