import { SessionViewSchema } from '@dalil/shared/api/session.ts';
import { MeView, UpdateMeBody, UserReply } from '@dalil/shared/api/account.ts';
import { errorReplies } from '../commonSchemas.ts';

export const getMeSchema = {
  tags: ['me'],
  summary: 'The signed-in user, their memberships and their CSRF token',
  response: { 200: MeView, ...errorReplies },
};

export const updateMeSchema = {
  tags: ['me'],
  summary: 'Change one’s display name or password (the current password is required to change it)',
  body: UpdateMeBody,
  response: { 200: UserReply, ...errorReplies },
};

export const sessionSchema = {
  tags: ['me'],
  summary: 'Who is signed in, or `{me: null}`: always 200, for clients that start signed out without a failed request',
  response: { 200: SessionViewSchema },
};
