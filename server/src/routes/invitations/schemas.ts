import { Type } from '@sinclair/typebox';
import {
  AcceptedInvitation,
  AcceptInvitationBody,
  CreatedInvitationView,
  CreateInvitationBody,
  InvitationPreview,
  InvitationTokenParams,
  InvitationView,
} from '@dalil/shared/api/invitations.ts';
import { IdParams } from '@dalil/shared/api/common.ts';
import { errorReplies } from '../commonSchemas.ts';

const tags = ['invitations'];
const gone = { 410: { $ref: 'Error#' } } as const;

export const createInvitationSchema = {
  tags,
  summary: 'Create an invitation link carrying a role (the token is shown only in this reply)',
  params: IdParams('guideId'),
  body: CreateInvitationBody,
  response: { 201: CreatedInvitationView, ...errorReplies },
};

export const listInvitationsSchema = {
  tags,
  summary: 'Invitations of a guide',
  params: IdParams('guideId'),
  response: { 200: Type.Array(InvitationView), ...errorReplies },
};

export const revokeInvitationSchema = {
  tags,
  summary: 'Revoke an invitation link',
  params: IdParams('guideId', 'invitationId'),
  response: { 200: InvitationView, ...errorReplies },
};

export const previewInvitationSchema = {
  tags,
  summary: 'What an invitation link offers, and whether it can still be used',
  params: InvitationTokenParams,
  response: { 200: InvitationPreview, ...errorReplies },
};

export const acceptInvitationSchema = {
  tags,
  summary: 'Join the guide (signed in), or create an account and join',
  params: InvitationTokenParams,
  body: AcceptInvitationBody,
  response: { 200: AcceptedInvitation, ...gone, ...errorReplies },
};
