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

/** Adds someone who already has an account on this server, by their email. */
export const AddMemberBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }), role: Role },
  { additionalProperties: false },
);
export type AddMemberBody = Static<typeof AddMemberBody>;

/**
 * The same reply whether or not the address has an account (and whether it was already a member):
 * the request never tells anyone which addresses have accounts here.
 */
export const AddMemberReply = Type.Object({ status: Type.Literal('processed') });
export type AddMemberReply = Static<typeof AddMemberReply>;

export const UpdateMemberBody = Type.Object({ role: Role }, { additionalProperties: false });
export type UpdateMemberBody = Static<typeof UpdateMemberBody>;
