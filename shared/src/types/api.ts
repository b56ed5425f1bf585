import type { GuideLanguage, GuideNumbering, NotificationKind, SectionStatus } from './domain.ts';
import type { GuideRole } from '../permissions/roles.ts';
import type { GuideAction } from '../permissions/matrix.ts';

// Shapes defined once as TypeBox schemas in `shared/src/api/` (the server validates with them):
// their types are re-exported here under the names the client has always used.
export type { ApiError, BlockingThread } from '../api/common.ts';
export type { LoginBody, MeView, UserView } from '../api/account.ts';
export type { MarkNotificationsReadBody, NotificationsView, NotificationView } from '../api/notifications.ts';
export type { MemberView } from '../api/members.ts';
export type { CreateSectionBody, SectionView, TrashedSectionView, UpdateSectionBody } from '../api/sections.ts';
export type { CreateGuideBody, GuideSummary, GuideView, UpdateGuideBody } from '../api/guides.ts';
export type { AcceptInvitationBody, CreatedInvitationView, InvitationPreview, InvitationView } from '../api/invitations.ts';

/** `POST /api/guides/:guideId/sections/:sectionId/transitions` */
export interface TransitionBody {
  to: SectionStatus;
  note?: string;
}

export interface TransitionResult {
  status: SectionStatus;
  event: WorkflowEventView;
}

/** One entry of a section's history. */
export interface WorkflowEventView {
  id: string;
  from: SectionStatus;
  to: SectionStatus;
  actorId: string;
  actorName: string;
  note: string | null;
  createdAt: string;
}

/** A run of text in a change block: unchanged, added or removed. Plain text, never markup. */
export interface ChangePart {
  text: string;
  change: 'added' | 'removed' | null;
}

/** One block (paragraph, heading, list item) of a comparison between two versions. */
export interface ChangeBlock {
  kind: 'same' | 'added' | 'removed' | 'changed';
  parts: ChangePart[];
}

/** Everything the section pane shows about a section's workflow, for the caller. */
export interface SectionWorkflowView {
  status: SectionStatus;
  /** Oldest first. */
  history: WorkflowEventView[];
  /** The last validation while the section is validated: who and when (the banner). */
  validated: { byName: string; at: string } | null;
  /** Transitions the caller may make now (computed by the server's workflow module). */
  transitions: Array<{ name: 'submit' | 'approve' | 'requestChanges' | 'reopen'; to: SectionStatus; noteRequired: boolean }>;
  /** In review after an earlier validation: what changed since the last validated snapshot. */
  changes: { since: string; blocks: ChangeBlock[] } | null;
  openThreads: number;
}

export interface SectionProgressView {
  id: string;
  title: string;
  parentId: string | null;
  status: SectionStatus;
  authorIds: string[];
  reviewerIds: string[];
  wordCount: number;
  openThreads: number;
  /** Latest of: text edit settled, workflow transition, structure change. */
  lastActivityAt: string;
  dueDate: string | null;
  overdue: boolean;
}

export interface AssigneeProgressView {
  userId: string;
  name: string;
  draft: number;
  review: number;
  validated: number;
  overdue: number;
}

/** `GET /api/guides/:guideId/progress`: where the guide stands. */
export interface GuideProgressView {
  guideId: string;
  total: number;
  byStatus: Record<SectionStatus, number>;
  words: number;
  openThreads: number;
  overdue: number;
  /** Every section is validated (and there is at least one). */
  readyForLayout: boolean;
  sections: SectionProgressView[];
  assignees: AssigneeProgressView[];
  /** The day "overdue" was computed against, YYYY-MM-DD (server's UTC date). */
  today: string;
}
