import type { SectionStatus } from './domain.ts';
import type { TransitionName } from '../workflow/sectionWorkflow.ts';
import type { BlockingThread } from '../api/common.ts';

// Shapes defined once as TypeBox schemas in `shared/src/api/` (the server validates with them):
// their types are re-exported here under the names the client has always used.
export type { ApiError, BlockingThread } from '../api/common.ts';
export type { LoginBody, MeView, UserView } from '../api/account.ts';
export type { MarkNotificationsReadBody, NotificationsView, NotificationView } from '../api/notifications.ts';
export type { MemberView } from '../api/members.ts';
export type { AssigneeProgressView, GuideProgressView, SectionProgressView } from '../api/progress.ts';
export type { CreateSectionBody, SectionView, TrashedSectionView, UpdateSectionBody } from '../api/sections.ts';
export type { CreateGuideBody, GuideSummary, GuideView, UpdateGuideBody } from '../api/guides.ts';
export type { AcceptInvitationBody, CreatedInvitationView, InvitationPreview, InvitationView } from '../api/invitations.ts';

/** `POST /api/guides/:guideId/sections/:sectionId/transitions` */
export interface TransitionBody {
  to: SectionStatus;
  /** Which transition is meant when several lead to `to` (review → draft: requestChanges or withdraw). */
  transition?: TransitionName;
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
  /** Null on events recorded before transitions were named. */
  transition: TransitionName | null;
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
  transitions: Array<{ name: TransitionName; to: SectionStatus; noteRequired: boolean }>;
  /** In review after an earlier validation: what changed since the last validated snapshot. */
  changes: { since: string; blocks: ChangeBlock[] } | null;
  /**
   * In review after an earlier submission (sent back or withdrawn since the last validation): what
   * changed since the text submitted then, so the reviewer reads only the new round.
   */
  changesSinceSubmission: { since: string; blocks: ChangeBlock[] } | null;
  openThreads: number;
  /** The open threads that block an approval (empty unless the guide requires resolved threads). */
  blockingThreads: BlockingThread[];
  /** While the section is back in draft after changes were requested: who asked what (the author's banner). */
  sentBack: { byName: string; at: string; note: string | null } | null;
}

