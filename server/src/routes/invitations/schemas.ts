import { MAX_NAME_LENGTH } from '@dalil/shared';
import { errorReplies, idParams, roleSchema } from '../commonSchemas.ts';

const guideParams = idParams('guideId');
const tokenParams = {
  type: 'object',
  properties: { token: { type: 'string', pattern: '^[A-Za-z0-9_-]{20,100}$' } },
  required: ['token'],
} as const;

const gone = { 410: { $ref: 'Error#' } } as const;

export const createInvitationSchema = {
  tags: ['invitations'],
  summary: 'Create an invitation link carrying a role (the token is shown only in this reply)',
  params: guideParams,
  body: {
    type: 'object',
    additionalProperties: false,
    properties: {
      role: roleSchema,
      multiUse: { type: 'boolean' },
      expiresInHours: { type: 'integer', minimum: 1, maximum: 24 * 90 },
    },
    required: ['role'],
  },
  response: { 201: { $ref: 'InvitationView#' }, ...errorReplies },
};

export const listInvitationsSchema = {
  tags: ['invitations'],
  summary: 'Invitations of a guide',
  params: guideParams,
  response: { 200: { type: 'array', items: { $ref: 'InvitationView#' } }, ...errorReplies },
};

export const revokeInvitationSchema = {
  tags: ['invitations'],
  summary: 'Revoke an invitation link',
  params: idParams('guideId', 'invitationId'),
  response: { 200: { $ref: 'InvitationView#' }, ...errorReplies },
};

export const previewInvitationSchema = {
  tags: ['invitations'],
  summary: 'What an invitation link offers, and whether it can still be used',
  params: tokenParams,
  response: {
    200: {
      type: 'object',
      properties: {
        guideId: { type: 'string' },
        guideTitle: { type: 'string' },
        role: roleSchema,
        valid: { type: 'boolean' },
        reason: { type: ['string', 'null'] },
      },
      required: ['guideId', 'guideTitle', 'role', 'valid', 'reason'],
    },
    ...errorReplies,
  },
};

export const acceptInvitationSchema = {
  tags: ['invitations'],
  summary: 'Join the guide (signed in), or create an account and join',
  params: tokenParams,
  body: {
    type: 'object',
    additionalProperties: false,
    properties: {
      email: { type: 'string', maxLength: 320 },
      name: { type: 'string', maxLength: MAX_NAME_LENGTH },
      password: { type: 'string', maxLength: 1024 },
    },
  },
  response: {
    200: {
      type: 'object',
      properties: { guideId: { type: 'string' }, role: roleSchema },
      required: ['guideId', 'role'],
    },
    ...gone,
    ...errorReplies,
  },
};
