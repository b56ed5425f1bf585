import { Type } from '@sinclair/typebox';
import { AddMemberBody, AddMemberReply, MemberParams, MemberView, UpdateMemberBody } from '@dalil/shared/api/members.ts';
import { IdParams } from '@dalil/shared/api/common.ts';
import { errorReplies } from '../commonSchemas.ts';

const tags = ['members'];

export const listMembersSchema = {
  tags,
  summary: 'Members of a guide with their roles',
  params: IdParams('guideId'),
  response: { 200: Type.Array(MemberView), ...errorReplies },
};

export const updateMemberSchema = {
  tags,
  summary: 'Change a member’s role (a guide keeps at least one coordinator)',
  params: MemberParams,
  body: UpdateMemberBody,
  response: { 200: MemberView, ...errorReplies },
};

export const removeMemberSchema = {
  tags,
  summary: 'Remove a member; their open documents are disconnected at once',
  params: MemberParams,
  response: { 204: { type: 'null' }, ...errorReplies },
};

export const addMemberSchema = {
  tags,
  summary: 'Add someone who has an account here, by email (same reply whether or not the address has an account)',
  params: IdParams('guideId'),
  body: AddMemberBody,
  response: { 202: AddMemberReply, ...errorReplies },
};
