import { LoginBody, UserReply } from '@dalil/shared/api/account.ts';
import { errorReplies } from '../commonSchemas.ts';

export const loginSchema = {
  tags: ['auth'],
  summary: 'Sign in; sets an HTTP-only session cookie',
  body: LoginBody,
  response: { 200: UserReply, ...errorReplies, 429: { $ref: 'Error#' } },
};

export const logoutSchema = {
  tags: ['auth'],
  summary: 'Sign out; ends the session',
  response: { 204: { type: 'null' } },
};
