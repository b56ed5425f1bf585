import { SessionViewSchema } from '@dalil/shared/api/session.ts';
import { MAX_NAME_LENGTH } from '@dalil/shared';
import { errorReplies, roleSchema } from '../commonSchemas.ts';

export const getMeSchema = {
  tags: ['me'],
  summary: 'The signed-in user, their memberships and their CSRF token',
  response: {
    200: {
      type: 'object',
      properties: {
        user: { $ref: 'UserView#' },
        csrfToken: { type: 'string' },
        memberships: {
          type: 'array',
          items: {
            type: 'object',
            properties: { guideId: { type: 'string' }, role: roleSchema },
            required: ['guideId', 'role'],
          },
        },
      },
      required: ['user', 'csrfToken', 'memberships'],
    },
    ...errorReplies,
  },
};

export const updateMeSchema = {
  tags: ['me'],
  summary: 'Change one’s display name or password (the current password is required to change it)',
  body: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      name: { type: 'string', minLength: 1, maxLength: MAX_NAME_LENGTH },
      currentPassword: { type: 'string', maxLength: 1024 },
      newPassword: { type: 'string', maxLength: 1024 },
    },
  },
  response: { 200: { type: 'object', properties: { user: { $ref: 'UserView#' } }, required: ['user'] }, ...errorReplies },
};

export const sessionSchema = {
  tags: ['me'],
  summary: 'Who is signed in, or `{me: null}`: always 200, for clients that start signed out without a failed request',
  response: { 200: SessionViewSchema },
};
