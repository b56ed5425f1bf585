
// Shapes defined once as TypeBox schemas in `shared/src/api/` (the server validates with them):
// their types are re-exported here under the names the client has always used.
export type { ApiError, BlockingThread } from '../api/common.ts';
export type { LoginBody, MeView, UserView } from '../api/account.ts';
export type { MarkNotificationsReadBody, NotificationsView, NotificationView } from '../api/notifications.ts';
export type { AddMemberBody, AddMemberReply, MemberView } from '../api/members.ts';
export type { AssigneeProgressView, GuideProgressView, SectionProgressView } from '../api/progress.ts';
export type { CreateSectionBody, SectionView, TrashedSectionView, UpdateSectionBody } from '../api/sections.ts';
export type { CreateGuideBody, GuideSummary, GuideView, TrashedGuideReply, UpdateGuideBody } from '../api/guides.ts';
export type { AcceptInvitationBody, CreatedInvitationView, InvitationPreview, InvitationView } from '../api/invitations.ts';
export type {
  ChangeBlock,
  ChangePart,
  SectionWorkflowView,
  TransitionBody,
  TransitionResult,
  WorkflowEventView,
} from '../api/workflow.ts';
