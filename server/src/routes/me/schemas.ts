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
