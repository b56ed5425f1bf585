import { errorReplies } from '../commonSchemas.ts';

export const loginSchema = {
  tags: ['auth'],
  summary: 'Sign in; sets an HTTP-only session cookie',
  body: {
    type: 'object',
    additionalProperties: false,
    properties: { email: { type: 'string', minLength: 3, maxLength: 320 }, password: { type: 'string', minLength: 1, maxLength: 1024 } },
    required: ['email', 'password'],
  },
  response: {
    200: { type: 'object', properties: { user: { $ref: 'UserView#' } }, required: ['user'] },
    ...errorReplies,
    429: { $ref: 'Error#' },
  },
};

export const logoutSchema = {
  tags: ['auth'],
  summary: 'Sign out; ends the session',
  response: { 204: { type: 'null' } },
};
