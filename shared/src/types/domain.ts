import type { TransitionName } from '../workflow/sectionWorkflow.ts';

/** Languages a guide (and the UI) can be written in. */
export const GUIDE_LANGUAGES = ['fr', 'ar', 'en'] as const;
export type GuideLanguage = (typeof GUIDE_LANGUAGES)[number];

/** Workflow state of one section; which transitions are allowed is decided in `workflow/`. */
export const SECTION_STATUSES = ['draft', 'review', 'validated'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

/** What an in-app notification is about (mentions come from comments, the rest from the workflow). */
export const NOTIFICATION_KINDS = ['mention', 'submitted', 'changesRequested', 'approved', 'reopened', 'withdrawn', 'suggestionAccepted', 'suggestionRejected', 'suggestionReply', 'assignedAuthor', 'assignedReviewer', 'threadReply'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notification {
  id: string;
  /** The recipient. */
  userId: string;
  guideId: string;
  sectionId: string | null;
  threadId: string | null;
  kind: NotificationKind;
  actorId: string;
  note: string | null;
  createdAt: string;
  readAt: string | null;
}

/** One recorded workflow transition of a section (immutable once written). */
export interface WorkflowEvent {
  id: string;
  guideId: string;
  sectionId: string;
  from: SectionStatus;
  to: SectionStatus;
  actorId: string;
  note: string | null;
  createdAt: string;
  /**
   * Set on validations and submissions: the id of the snapshot of the text approved or submitted,
   * stored beside the documents (what later rounds are compared with).
   */
  snapshotId: string | null;
  /** Which transition this was (two lead from review to draft); absent on events recorded before it was kept. */
  transition?: TransitionName;
}

/** A guide's numbering setting (see `sectionNumbers` in shared/src/editor/numbering.ts). */
export interface GuideNumbering {
  enabled: boolean;
  unnumberedSectionIds: string[];
}

export interface Guide {
  id: string;
  title: string;
  language: GuideLanguage;
  /** Bumped on every table-of-contents change, so live clients know to refetch. */
  structureVersion: number;
  /** When true (the default), a section cannot be validated while it has open comment threads. */
  requireResolvedThreads: boolean;
  /** Chapter and section numbering (1, 1.1, 1.1.1): on or off, and sections left unnumbered (front matter). */
  numbering: GuideNumbering;
  createdAt: string;
  updatedAt: string;
  /** When the coordinator archived it (read-only for everyone, listed apart); null when active. */
  archivedAt: string | null;
  /** When it was put in the trash (gone for everyone but its coordinators until purged); null otherwise. */
  deletedAt: string | null;
}

/** Where a guide is in its life: in use, archived (read-only), or in the trash (awaiting purge). */
export type GuideState = 'active' | 'archived' | 'trashed';

export function guideState(guide: Pick<Guide, 'archivedAt' | 'deletedAt'>): GuideState {
  if (guide.deletedAt) return 'trashed';
  return guide.archivedAt ? 'archived' : 'active';
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
  /** Figures, tables and footnotes counted when the text settled (absent before schema 2). */
  numbered?: { figure: number; table: number; footnote: number };
  /** Optional deadline (YYYY-MM-DD); the section is overdue after that day until validated. */
  dueDate: string | null;
  /** Last time a member's edit to the text settled on the server (null: never edited). */
  editedAt: string | null;
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
  /** The coordinator's note on whom the link is for ("formateur CEFAD, chapitre 2"); null when none. */
  label: string | null;
  /** Who joined the guide with this link, and when. */
  usedBy: Array<{ userId: string; at: string }>;
}
