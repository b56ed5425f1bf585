import { Type, type Static } from '@sinclair/typebox';
import { IdParams, Role } from './common.ts';

/** Wire shapes of a guide's members (`/api/guides/:guideId/members`). */

export const MemberView = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  email: Type.String(),
  role: Role,
});
export type MemberView = Static<typeof MemberView>;

export const MemberParams = IdParams('guideId', 'userId');

export const UpdateMemberBody = Type.Object({ role: Role }, { additionalProperties: false });
export type UpdateMemberBody = Static<typeof UpdateMemberBody>;
