import { Type, type Static } from '@sinclair/typebox';
import { MAX_NAME_LENGTH } from '../identity/accountRules.ts';
import { Role } from './common.ts';

/** Wire shapes of signing in and of the signed-in user (`/api/auth`, `/api/me`). */

export const UserView = Type.Object({ id: Type.String(), email: Type.String(), name: Type.String() });
export type UserView = Static<typeof UserView>;

/** `{user}`: what signing in and changing one's profile answer. */
export const UserReply = Type.Object({ user: UserView });
export type UserReply = Static<typeof UserReply>;

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const MeView = Type.Object({
  user: UserView,
  /** Send back as the `x-csrf-token` header on every mutating request. */
  csrfToken: Type.String(),
  memberships: Type.Array(Type.Object({ guideId: Type.String(), role: Role })),
});
export type MeView = Static<typeof MeView>;

export const UpdateMeBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_NAME_LENGTH })),
    currentPassword: Type.Optional(Type.String({ maxLength: 1024 })),
    newPassword: Type.Optional(Type.String({ maxLength: 1024 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeBody = Static<typeof UpdateMeBody>;
