import type { GuideLanguage, SectionStatus } from './domain.ts';
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
}

export interface ApiError {
  error: string;
  message: string;
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
