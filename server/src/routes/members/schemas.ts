import { errorReplies, idParams, roleSchema } from '../commonSchemas.ts';

const guideParams = idParams('guideId');
const memberParams = idParams('guideId', 'userId');
export const listMembersSchema = {
  tags: ['members'],
  summary: 'Members of a guide with their roles',
  params: guideParams,
  response: { 200: { type: 'array', items: { $ref: 'MemberView#' } }, ...errorReplies },
};

export const updateMemberSchema = {
  tags: ['members'],
  summary: 'Change a member’s role (a guide keeps at least one coordinator)',
  params: memberParams,
  body: {
    type: 'object',
    additionalProperties: false,
    properties: { role: roleSchema },
    required: ['role'],
  },
  response: { 200: { $ref: 'MemberView#' }, ...errorReplies },
};

export const removeMemberSchema = {
  tags: ['members'],
  summary: 'Remove a member; their open documents are disconnected at once',
  params: memberParams,
  response: { 204: { type: 'null' }, ...errorReplies },
};
