import type {
  AcceptInvitationBody,
  CreatedInvitationView,
  GuideRole,
  InvitationPreview,
  InvitationView,
} from '@dalil/shared';
import { requestJson } from './http.ts';

const guideInvitations = (guideId: string): string => `/api/guides/${encodeURIComponent(guideId)}/invitations`;
const link = (token: string): string => `/api/invitations/${encodeURIComponent(token)}`;

export interface NewInvitation {
  role: GuideRole;
  multiUse: boolean;
  expiresInHours: number;
  /** Whom the link is for ("formateur CEFAD, chapitre 2"). */
  label?: string;
}

/** The reply is the only time the token is available: the server keeps only its hash. */
export const createInvitation = (guideId: string, body: NewInvitation): Promise<CreatedInvitationView> =>
  requestJson('POST', guideInvitations(guideId), body);

export const listInvitations = (guideId: string): Promise<InvitationView[]> =>
  requestJson('GET', guideInvitations(guideId));

export const revokeInvitation = (guideId: string, invitationId: string): Promise<InvitationView> =>
  requestJson('DELETE', `${guideInvitations(guideId)}/${encodeURIComponent(invitationId)}`);

/** Works signed out: the acceptance page shows what the link offers before anyone has an account. */
export const previewInvitation = (token: string): Promise<InvitationPreview> => requestJson('GET', link(token));

/** `{}` when signed in; with email, name and password it also creates the account and its session. */
export const acceptInvitation = (token: string, body: AcceptInvitationBody): Promise<{ guideId: string; role: GuideRole }> =>
  requestJson('POST', `${link(token)}/accept`, body);
