import type { GuideLanguage, GuideNumbering, NotificationKind, SectionStatus } from './domain.ts';
import type { TransitionName } from '../workflow/sectionWorkflow.ts';
import type { GuideRole } from '../permissions/roles.ts';
import type { GuideAction } from '../permissions/matrix.ts';

/** A section as the API shows it, in table-of-contents order. */
export interface SectionView {
  id: string;
  title: string;
  parentId: string | null;
  position: number;
  status: SectionStatus;
  docName: string;
  updatedAt: string;
  authorIds: string[];
  reviewerIds: string[];
  /** Words as last counted on the server; open sections count live in the client. */
  wordCount: number;
  /** Figures, tables and footnotes in the section's settled text (the editor numbers from these). */
  numbered?: { figure: number; table: number; footnote: number };
  /** Optional deadline, YYYY-MM-DD. */
  dueDate: string | null;
}

export interface GuideSummary {
  id: string;
  title: string;
  language: GuideLanguage;
  sectionCount: number;
  /** Comment threads not yet resolved, over the whole guide. */
  openThreads: number;
  updatedAt: string;
  role: GuideRole;
}

export interface GuideView {
  id: string;
  title: string;
  language: GuideLanguage;
  /** Name of the guide's own room on /collab: presence and live structure changes. */
  roomName: string;
  /** Bumped on every structure change; clients refetch when the room reports a newer one. */
  structureVersion: number;
  /** A section cannot be validated while it has open comment threads (guide setting). */
  requireResolvedThreads: boolean;
  /** Chapter/section numbering setting (guide setting). */
  numbering: GuideNumbering;
  sections: SectionView[];
  /** The caller's role and what it allows, computed by the server (clients never re-derive it). */
  role: GuideRole;
  permissions: GuideAction[];
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
  requireResolvedThreads?: boolean;
  numbering?: GuideNumbering;
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
  authorIds?: string[];
  reviewerIds?: string[];
  /** YYYY-MM-DD, or null to remove the deadline. */
  dueDate?: string | null;
}

export interface ApiError {
  error: string;
  message: string;
  /** With `open_threads`: the threads that keep a section from being validated. */
  threads?: BlockingThread[];
  /** With `sections_not_validated`: the sections that keep a final version from being made. */
  sections?: Array<{ id: string; title: string; status: SectionStatus }>;
}

/** An open comment thread named in a refusal, enough to link to it. */
export interface BlockingThread {
  id: string;
  sectionId: string;
  quote: string;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
}

export interface MeView {
  user: UserView;
  /** Send back as the `x-csrf-token` header on every mutating request. */
  csrfToken: string;
  memberships: Array<{ guideId: string; role: GuideRole }>;
}

export interface LoginBody {
  email: string;
  password: string;
}

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: GuideRole;
}

export interface InvitationView {
  id: string;
  role: GuideRole;
  multiUse: boolean;
  expiresAt: string;
  revokedAt: string | null;
  uses: number;
  createdAt: string;
}

/** Only returned once, when the invitation is created: the token is not stored in clear. */
export interface CreatedInvitationView extends InvitationView {
  token: string;
  /** Path of the acceptance page, to prefix with the server's origin. */
  path: string;
}

export interface InvitationPreview {
  guideId: string;
  guideTitle: string;
  role: GuideRole;
  /** false when expired, revoked or used up. */
  valid: boolean;
  reason: 'expired' | 'revoked' | 'used' | null;
}

export interface AcceptInvitationBody {
  /** Needed only when the caller has no session: creates the account. */
  email?: string;
  name?: string;
  password?: string;
}

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

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  guideId: string;
  guideTitle: string;
  sectionId: string | null;
  sectionTitle: string | null;
  threadId: string | null;
  actorId: string;
  actorName: string;
  note: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsView {
  unread: number;
  items: NotificationView[];
}

export interface MarkNotificationsReadBody {
  ids?: string[];
  all?: boolean;
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
  /**
   * A chapter heading: no text of its own, only sub-sections, still a draft. Listed, but not
   * counted among the sections to validate (totals, states, readiness for layout, people).
   */
  heading: boolean;
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
